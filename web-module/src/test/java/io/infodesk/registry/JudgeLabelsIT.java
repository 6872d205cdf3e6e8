package io.infodesk.registry;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Browser;
import io.infodesk.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cycle's judge labels what the employees rated down without saying what is right, and sets
 * aside the labels nobody complained about that what the flywheel learned contradicts: employees
 * teach a new topic (questions about a "Zorblax card") to a domain the teacher does not route it
 * to; after a cycle has learned it, a rated-down question on the topic is labelled by the judge and
 * the earlier, unchallenged routes of the topic are set aside, as the next dataset version shows.
 *
 * <p>The judge overrules routes only with evidence (students out of fold) that routes the frozen
 * evaluation set at least as well as the teacher; that set is frozen from this test's own traffic,
 * part of it the taught topic the teacher gets wrong, so the test runs on a server of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JudgeLabelsIT {

  static final String ADMIN = basic("admin", "demo");
  static final String EMPLOYEE = basic("employee", "demo");
  static final List<String> DOMAINS = List.of("finance", "hr", "it", "product");

  static final List<String> TAUGHT =
      List.of(
          "How do I top up my Zorblax card?",
          "Where can I reload the balance on a Zorblax card?",
          "My Zorblax card was declined at the kiosk",
          "Who approves a new Zorblax card for a contractor?",
          "Can I transfer money between two Zorblax cards?",
          "What is the monthly limit on the Zorblax card?",
          "I lost my Zorblax card, how do I block it?",
          "How long does a Zorblax card refund take?",
          "Is there a fee for topping up the Zorblax card by bank transfer?",
          "Where do I see the statement of my Zorblax card?",
          "Can the Zorblax card be used for travel expenses?",
          "How do I change the PIN of my Zorblax card?",
          "Can I pay for team lunches with the Zorblax card?",
          "Why does my Zorblax card show a pending charge?",
          "Do I get receipts for Zorblax card payments?",
          "How do I activate a new Zorblax card?");

  /** Rated up: routes nobody complained about, wherever the teacher sent them. */
  static final List<String> UNCHALLENGED =
      List.of(
          "Does the Zorblax card work abroad?",
          "What happens to my Zorblax card balance when I leave?",
          "Can I order a second Zorblax card?",
          "Is the Zorblax card accepted at the cafeteria?");

  /** Rated down after the cycle, with no correction. */
  static final List<String> COMPLAINED =
      List.of(
          "Why was my Zorblax card top up rejected?",
          "How do I get a replacement Zorblax card?",
          "Who do I ask about a wrong charge on my Zorblax card?",
          "Can I raise the spending limit of my Zorblax card?");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  @RegisterExtension final Browser session = new Browser();

  @Test
  void theCyclesJudgeLabelsComplaintsAndSetsAsideContradictedRoutes() {
    Deployments.requireOwnServer();
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    api.put("/api/settings/infodesk.flywheel.auto-promote", ADMIN, "{\"value\":\"false\"}");
    try {
      // ordinary traffic, every other demo question: with the topic, enough to learn from out of
      // fold and to freeze an evaluation set
      List<String> ordinary = new ArrayList<>();
      for (int i = 0; i < Api.DEMO_TRAFFIC.size(); i += 2) {
        ordinary.add(Api.DEMO_TRAFFIC.get(i));
      }
      api.askAndRateUp(ordinary);
      Map<Long, String> taught = ask(api, TAUGHT);
      Map<Long, String> unchallenged = ask(api, UNCHALLENGED);
      List<String> routes = new ArrayList<>(taught.values());
      routes.addAll(unchallenged.values());
      String topic =
          DOMAINS.stream()
              .filter(d -> !routes.contains(d))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the teacher used every domain: " + routes));
      taught.keySet().forEach(id -> rate(api, id, "down", topic));
      unchallenged.keySet().forEach(id -> rate(api, id, "up", null));
      cycle(api);

      Map<Long, String> complained = ask(api, COMPLAINED);
      complained.keySet().forEach(id -> rate(api, id, "down", null));
      JsonObject second = cycle(api);
      String judged = second.getJsonObject("steps").getJsonObject("judge").getString("detail");
      assertThat(judged).contains("labelled by the judge").contains("set aside");
      String trained = second.getJsonObject("steps").getJsonObject("train").getString("detail");
      List<JsonObject> ofThisCycle =
          api.get("/api/models", ADMIN).array().getValuesAs(JsonObject.class).stream()
              .filter(m -> trained.contains(m.getString("version") + " "))
              .toList();
      assertThat(ofThisCycle)
          .as("the train step used the teacher's routes its judge step asked: " + trained)
          .isNotEmpty()
          .allSatisfy(
              m ->
                  assertThat(m.getString("trainingSummary"))
                      .contains("the teacher's routes of it from this cycle's judge step"));

      Map<Long, JsonObject> latest = latestVersion(api);
      List<JsonObject> relabelled =
          complained.entrySet().stream()
              .filter(e -> !e.getValue().equals(topic) && latest.containsKey(e.getKey()))
              .map(e -> latest.get(e.getKey()))
              .toList();
      assertThat(relabelled)
          .as("rated down without a correction, labelled by the judge: " + judged)
          .isNotEmpty()
          .allSatisfy(
              line -> {
                assertThat(line.getString("provenance")).isEqualTo("RELABELED_BY_JUDGE");
                assertThat(line.getString("label")).isEqualTo(topic);
                assertThat(line.getString("split")).isEqualTo("train");
              });
      List<JsonObject> aside =
          unchallenged.keySet().stream()
              .map(latest::get)
              .filter(l -> l != null && "aside".equals(l.getString("split")))
              .toList();
      assertThat(aside)
          .as("the unchallenged routes the topic's corrections contradict: " + judged)
          .isNotEmpty()
          .allSatisfy(
              line -> assertThat(line.getString("provenance")).isEqualTo("SET_ASIDE_BY_JUDGE"));
      for (Long id : taught.keySet()) {
        if (latest.containsKey(id)) {
          assertThat(latest.get(id).getString("provenance"))
              .as("the employees' own corrections stand")
              .isEqualTo("RELABELED_BY_EMPLOYEE");
        }
      }

      // an admin sees each opinion, with its question and reason
      Map<Long, JsonObject> opinions = new HashMap<>();
      api.get("/api/reviews/judge-opinions?max=200", ADMIN)
          .array()
          .getValuesAs(JsonObject.class)
          .forEach(o -> opinions.put(o.getJsonNumber("interactionId").longValue(), o));
      for (JsonObject line : relabelled) {
        JsonObject o = opinions.get(line.getJsonNumber("interactionId").longValue());
        assertThat(o).as("the judge's opinion of " + line).isNotNull();
        assertThat(o.getString("kind")).isEqualTo("RELABEL");
        assertThat(o.getString("label")).isEqualTo(topic);
        assertThat(o.getString("question")).isEqualTo(line.getString("text"));
        assertThat(o.getString("reason")).isNotBlank();
      }
      for (JsonObject line : aside) {
        JsonObject o = opinions.get(line.getJsonNumber("interactionId").longValue());
        assertThat(o).as("the judge's opinion of " + line).isNotNull();
        assertThat(o.getString("kind")).isEqualTo("SET_ASIDE");
        assertThat(o.getJsonNumber("probability").doubleValue()).isBetween(0.7, 1.0);
      }
      assertThat(api.get("/api/reviews/judge-opinions", basic("sme", "demo")).status())
          .isEqualTo(403);
      // and in the portal, beside the disputes
      ChromeDriver browser = session.driver();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(1));
      Browser.signIn(browser, wait, base, "admin", "demo", "/portal/admin/disputes.xhtml");
      String shown =
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dp:opinions")))
              .getText()
              .replaceAll("\\s+", " ");
      assertThat(shown).contains("Labelled " + topic, "Set aside");
      assertThat(shown).contains(relabelled.get(0).getString("text"));
      Browser.screenshot(browser, "portal-admin-judge-labels");
      Api.Reply bad = api.get("/api/reviews/judge-opinions?max=0", ADMIN);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.isProblem()).isTrue();

      // an admin's extension of the frozen evaluation set takes all but one example of each label:
      // never the judge's labels, which the gates would then grade the judge by
      Api.Reply extended = api.post("/api/datasets/frozen-eval/extension?perLabel=1000", ADMIN, "");
      assertThat(extended.status()).as(extended.body()).isEqualTo(200);
      assertThat(api.post("/api/datasets", ADMIN, "").status()).isEqualTo(201);
      Map<Long, JsonObject> after = latestVersion(api);
      assertThat(after.values())
          .as("the evaluation part after the extension")
          .filteredOn(line -> "eval".equals(line.getString("split")))
          .isNotEmpty()
          .noneMatch(line -> "RELABELED_BY_JUDGE".equals(line.getString("provenance")));
      for (JsonObject line : relabelled) {
        long id = line.getJsonNumber("interactionId").longValue();
        assertThat(after.get(id).getString("split")).as("judge-labelled " + id).isEqualTo("train");
      }

      // an admin who doubts an opinion asks the SMEs from the portal; their decision wins
      // (the judge queued some of the questions it labelled for review itself: not those)
      List<JsonObject> current =
          api.get("/api/reviews/judge-opinions?max=20", ADMIN)
              .array()
              .getValuesAs(JsonObject.class);
      int row = 0;
      while (row < current.size() && current.get(row).containsKey("reviewItem")) {
        row++;
      }
      assertThat(row)
          .as("an opinion on the page's first 20 rows not yet in review")
          .isLessThan(current.size());
      JsonObject doubted = current.get(row);
      long doubtedId = doubted.getJsonNumber("interactionId").longValue();
      browser.navigate().to(base + "portal/admin/disputes.xhtml");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("dp:opinions:" + row + ":send")))
          .click();
      org.openqa.selenium.WebElement sentRow =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.id("dp:opinions:" + row + ":in-review")));
      String inReview = sentRow.getText();
      assertThat(inReview).contains("pending");
      browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", sentRow);
      Browser.screenshot(browser, "portal-admin-judge-opinion-sent-to-smes");
      JsonObject listed =
          api.get("/api/reviews/judge-opinions?max=20", ADMIN).array().getJsonObject(row);
      assertThat(listed.getJsonNumber("interactionId").longValue()).isEqualTo(doubtedId);
      long item = listed.getJsonNumber("reviewItem").longValue();
      assertThat(inReview).contains("Review item " + item);
      assertThat(listed.getString("reviewStatus")).isEqualTo("PENDING");
      JsonObject queued =
          api.get("/api/reviews?max=200", ADMIN).array().getValuesAs(JsonObject.class).stream()
              .filter(r -> r.getJsonNumber("id").longValue() == item)
              .findFirst()
              .orElseThrow(() -> new AssertionError("review item " + item + " in the queue"));
      assertThat(queued.getString("rationale")).contains("sent to the SMEs by an admin");
      // once only, for an admin, about an opinion that exists, with nothing but the votes
      String send = "/api/reviews/judge-opinions/" + doubtedId + "/review";
      Api.Reply again = api.post(send, ADMIN, "");
      assertThat(again.status()).as(again.body()).isEqualTo(409);
      assertThat(again.isProblem()).isTrue();
      assertThat(again.body()).contains("review item " + item);
      assertThat(api.post(send, basic("sme", "demo"), "").status()).isEqualTo(403);
      Api.Reply none = api.post("/api/reviews/judge-opinions/987654321/review", ADMIN, "");
      assertThat(none.status()).isEqualTo(404);
      assertThat(none.isProblem()).isTrue();
      Api.Reply unknownField = api.post(send, ADMIN, "{\"label\": \"hr\"}");
      assertThat(unknownField.status()).isEqualTo(400);
      assertThat(unknownField.isProblem()).isTrue();
      // the SMEs (here the admin, who may review any domain) say the route was right
      assertThat(api.post("/api/reviews/" + item + "/claim", ADMIN, "").status()).isEqualTo(200);
      Api.Reply decided =
          api.post(
              "/api/reviews/" + item + "/decision", ADMIN, "{\"decision\": \"CONFIRM_ROUTE\"}");
      assertThat(decided.status()).as(decided.body()).isEqualTo(200);
      assertThat(api.post("/api/datasets", ADMIN, "").status()).isEqualTo(201);
      JsonObject overruled = latestVersion(api).get(doubtedId);
      assertThat(overruled.getString("provenance")).isEqualTo("CONFIRMED_BY_SME");
      assertThat(overruled.getString("label")).isEqualTo(doubted.getString("routed"));
    } finally {
      api.delete("/api/settings/infodesk.flywheel.auto-promote", ADMIN);
      api.rollbackToTeacher(ADMIN);
    }
  }

  /** Asks each question; the interaction's id with the domain it was routed to ("oos" if none). */
  private static Map<Long, String> ask(Api api, List<String> questions) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (String q : questions) {
      JsonObject a =
          api.post("/api/ask", EMPLOYEE, "{\"question\":" + Json.createValue(q) + "}").json();
      out.put(a.getJsonNumber("interactionId").longValue(), a.getString("domain", "oos"));
    }
    return out;
  }

  private static void rate(Api api, long id, String rating, String correctDomain) {
    String body =
        "{\"rating\":\""
            + rating
            + "\""
            + (correctDomain == null ? "" : ",\"correctDomain\":\"" + correctDomain + "\"")
            + "}";
    Api.Reply r = api.post("/api/interactions/" + id + "/feedback", EMPLOYEE, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static JsonObject cycle(Api api) {
    JsonObject cycle = api.runCycle(ADMIN, Duration.ofMinutes(4));
    assertThat(cycle.getString("status")).as(cycle.toString()).isEqualTo("COMPLETED");
    return cycle;
  }

  /** The newest dataset version's lines by interaction id. */
  private static Map<Long, JsonObject> latestVersion(Api api) {
    JsonObject newest = api.get("/api/datasets", ADMIN).array().getJsonObject(0);
    String body = api.get("/api/datasets/" + newest.getJsonNumber("id") + "/export", ADMIN).body();
    Map<Long, JsonObject> out = new HashMap<>();
    for (String line : body.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try (var reader = Json.createReader(new StringReader(line))) {
        JsonObject o = reader.readObject();
        if (o.containsKey("interactionId")) {
          out.put(o.getJsonNumber("interactionId").longValue(), o);
        }
      }
    }
    return out;
  }
}
