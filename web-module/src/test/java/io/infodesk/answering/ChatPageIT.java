package io.infodesk.answering;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium, the demo employee signs in, asks with the keyboard, sees the routed domain and
 * the citations, opens a source preview, and rates the answer; the rating lands on the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPageIT {

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
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    // the demo knowledge base is ingested in the background after start-up
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline
        && api.get("/api/sources?status=INDEXED&domain=hr&max=1", Api.basic("admin", "demo"))
                .json()
                .getInt("total")
            < 8) {
      Api.sleep(1000);
    }
  }

  @Test
  void anEmployeeAsksSeesCitationsAndRates() {
    browser.get(base + "chat/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    browser.findElement(By.id("login:username")).sendKeys("employee");
    browser.findElement(By.id("login:password")).sendKeys("demo");
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.urlContains("/chat/"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "Erin Employee"));

    WebElement box = browser.findElement(By.id("question"));
    // the page loads the employee's history, then puts the focus in the ask box
    wait.until(d -> box.equals(d.switchTo().activeElement()));
    By turns = By.cssSelector("#conversation .turn");
    int before = browser.findElements(turns).size();
    box.sendKeys("How long is parental leave for the birthing parent?", Keys.ENTER);

    wait.until(ExpectedConditions.numberOfElementsToBe(turns, before + 1));
    List<WebElement> all = browser.findElements(turns);
    WebElement turn = all.get(all.size() - 1);
    wait.until(d -> !turn.findElement(By.cssSelector(".badge")).getText().isBlank());
    assertThat(turn.findElement(By.cssSelector(".badge")).getText()).isEqualTo("HR & benefits");
    assertThat(turn.findElement(By.cssSelector(".answer")).getText()).contains("20 weeks");
    List<WebElement> citations = turn.findElements(By.cssSelector(".citations li button"));
    assertThat(citations).isNotEmpty();
    assertThat(citations.get(0).getText()).contains("Parental leave");
    Browser.screenshot(browser, "chat-answer");

    click(citations.get(0));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
    assertThat(browser.findElement(By.id("preview-text")).getText())
        .contains("Birthing parents receive 20 weeks");
    Browser.screenshot(browser, "chat-source-preview");
    click(browser.findElement(By.id("preview-close")));

    WebElement down = turn.findElement(By.cssSelector(".down"));
    click(down);
    wait.until(ExpectedConditions.attributeToBe(down, "aria-pressed", "true"));
    WebElement comment = turn.findElement(By.cssSelector(".comment input[name=comment]"));
    wait.until(ExpectedConditions.visibilityOf(comment));
    comment.sendKeys("I wanted the adoption rules", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElement(
            turn.findElement(By.cssSelector(".rated")), "Thanks"));
    Browser.screenshot(browser, "chat-rated");

    Api api = new Api(base.toString());
    var history = api.get("/api/interactions?max=1", Api.basic("employee", "demo")).array();
    long id = history.getJsonObject(0).getJsonNumber("id").longValue();
    var stored = api.get("/api/interactions/" + id, Api.basic("employee", "demo")).json();
    assertThat(stored.getString("question"))
        .isEqualTo("How long is parental leave for the birthing parent?");
    assertThat(stored.getJsonObject("feedback").getString("rating")).isEqualTo("down");
    assertThat(stored.getJsonObject("feedback").getString("comment"))
        .isEqualTo("I wanted the adoption rules");
  }

  /** Clicks like a person who scrolled the element clear of the fixed ask bar first. */
  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
