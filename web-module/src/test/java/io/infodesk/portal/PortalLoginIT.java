package io.infodesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Browser;
import io.infodesk.support.Deployments;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Each demo account signs in with the form in real Chromium and sees its own landing page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalLoginIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;
  @RegisterExtension final Browser session = new Browser();
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void open() {
    browser = session.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @Test
  void eachRoleSeesItsOwnLandingPage() {
    record Expect(String user, String name, List<String> sees, List<String> doesNotSee) {}
    for (Expect e :
        List.of(
            new Expect(
                "employee",
                "Erin Employee",
                List.of("Ask InfoDesk", "API access"),
                List.of("Administration", "Your knowledge domains", "Your review domains")),
            new Expect(
                "owner",
                "Olga Owner",
                List.of("Your knowledge domains", "HR & benefits", "IT support", "Knowledge"),
                List.of("Administration", "Your review domains")),
            new Expect(
                "sme",
                "Sam SME",
                List.of("Your review domains", "HR & benefits", "Reviews"),
                List.of("Administration", "Your knowledge domains")),
            new Expect(
                "admin",
                "Ada Admin",
                List.of("Administration", "Nodes", "Latest audit entries", "Heartbeats"),
                List.of("Your knowledge domains", "Your review domains")))) {
      browser.manage().deleteAllCookies();
      signIn(e.user(), "demo", "/portal/");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
      assertThat(browser.findElement(By.id("welcome")).getText()).contains(e.name());
      String page = browser.findElement(By.tagName("body")).getText();
      assertThat(page).as(e.user()).contains(e.sees());
      for (String hidden : e.doesNotSee()) {
        assertThat(page).as(e.user() + " must not see " + hidden).doesNotContain(hidden);
      }
      Browser.screenshot(browser, "portal-home-" + e.user());
      browser.findElement(By.id("nav:logout")).click();
      wait.until(ExpectedConditions.urlContains("signedOut=true"));
      assertThat(browser.getPageSource()).contains("You have signed out.");
    }
  }

  @Test
  void aWrongPasswordShowsAMessageAndNoPortal() {
    signIn("employee", "not-the-password", "/portal/");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "wrong password"));
    assertThat(browser.getCurrentUrl()).contains("/portal/login.xhtml");
    Browser.screenshot(browser, "portal-login-failed");
    browser.get(base + "portal/");
    assertThat(browser.getCurrentUrl()).contains("/portal/login.xhtml");
  }

  @Test
  void anEmployeeCreatesAnApiTokenThatWorksOnTheApi() {
    signIn("employee", "demo", "/portal/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tokens:label")));
    browser.findElement(By.id("tokens:label")).sendKeys("from the portal");
    browser.findElement(By.id("tokens:create")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("secret")));
    String token = browser.findElement(By.id("secret")).getText().strip();
    Browser.screenshot(browser, "portal-token-created");
    Api api = new Api(base.toString());
    assertThat(api.get("/api/me", Api.bearer(token)).json().getString("name"))
        .isEqualTo("employee");
  }

  private void signIn(String user, String password, String target) {
    Browser.signIn(browser, wait, base, user, password, target);
  }
}
