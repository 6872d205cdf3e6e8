package io.infodesk.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, never a downloaded browser. Skips the
 * test with a message where the packages are missing ({@code .ci/run} installs them).
 *
 * <p>As a JUnit extension ({@code @RegisterExtension final Browser session = new Browser();}) it
 * gives each test one browser, started at the first {@link #driver()} of the test (a class's
 * {@code @BeforeEach} may ask for it), saves a screenshot named after the test when the test fails,
 * and quits the browser after the test.
 */
public final class Browser implements AfterTestExecutionCallback, AfterEachCallback {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private ChromeDriver driver;

  /** The browser of the running test, started at the first call. */
  public ChromeDriver driver() {
    if (driver == null) {
      driver = start();
    }
    return driver;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (driver != null && context.getExecutionException().isPresent()) {
      screenshot(
          driver,
          "failed-"
              + context.getRequiredTestClass().getSimpleName()
              + "-"
              + context.getRequiredTestMethod().getName());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (driver != null) {
      try {
        driver.quit();
      } finally {
        driver = null;
      }
    }
  }

  public static ChromeDriver start() {
    assumeTrue(
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
        "Browser test skipped: install Debian's chromium and chromium-driver (.ci/run does)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Opens {@code target} (a path such as /portal/), lands on the login form, signs in and returns
   * once the browser has left the form's page, so that the page and the cookies are those of the
   * answer to the sign-in (a session cookie read before that is the one from before the sign-in).
   */
  public static void signIn(
      ChromeDriver driver,
      org.openqa.selenium.support.ui.WebDriverWait wait,
      java.net.URL base,
      String user,
      String password,
      String target) {
    driver.get(base + target.substring(1));
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
            org.openqa.selenium.By.id("login:username")));
    driver.findElement(org.openqa.selenium.By.id("login:username")).sendKeys(user);
    driver.findElement(org.openqa.selenium.By.id("login:password")).sendKeys(password);
    // a mark on this page's window: the page that answers the sign-in has a new window object
    driver.executeScript("window.infodeskSigningIn = true");
    driver.findElement(org.openqa.selenium.By.id("login:submit")).click();
    // while the browser navigates, a script may fail ("node does not belong to the document")
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return window.infodeskSigningIn === undefined"
                                + " && document.readyState === 'complete'")));
  }

  /** Saves a PNG under target/screenshots for a person to look at. */
  public static Path screenshot(ChromeDriver driver, String name) {
    try {
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      Path target = dir.resolve(name + ".png");
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("Could not save screenshot " + name, e);
    }
  }
}
