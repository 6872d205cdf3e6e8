package io.infodesk.registry;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Run-time settings on a real Payara Micro: an admin changes the reviewers per item and the next
 * judging run uses it; bad values, unknown or configuration-only keys and non-admins are refused; a
 * reset brings the configured value back. Every change is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsIT {

  static final String ADMIN = basic("admin", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  JsonObject setting(Api api, String key) {
    return api.get("/api/settings", ADMIN).array().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("key").equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAdminChangesAndResetsARunTimeSetting() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    String key = "infodesk.review.reviewers";
    assertThat(setting(api, key).getString("value")).isEqualTo("1");
    try {
      for (String[] bad :
          new String[][] {
            {key, "{\"value\":\"0\"}"},
            {key, "{\"value\":\"two\"}"},
            {key, "{}"},
            {"infodesk.db.url", "{\"value\":\"jdbc:h2:mem:x\"}"},
            {"no.such.key", "{\"value\":\"1\"}"}
          }) {
        Reply r = api.put("/api/settings/" + bad[0], ADMIN, bad[1]);
        assertThat(r.status()).as(bad[0] + " " + bad[1]).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
      }
      assertThat(
              api.put("/api/settings/" + key, basic("sme", "demo"), "{\"value\":\"2\"}").status())
          .isEqualTo(403);
      assertThat(setting(api, key).getString("value")).as("nothing changed").isEqualTo("1");

      Reply changed = api.put("/api/settings/" + key, ADMIN, "{\"value\":\"2\"}");
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.json().getString("value")).isEqualTo("2");
      assertThat(changed.json().getBoolean("overridden")).isTrue();

      // the next judging run gives new items two votes
      long interaction =
          api.misroute("Who approves overtime for the night shift?", null).interactionId();
      assertThat(api.post("/api/reviews/judging", ADMIN, "").status()).isEqualTo(200);
      JsonObject item =
          api.get("/api/reviews?max=200", ADMIN).array().getValuesAs(JsonObject.class).stream()
              .filter(r -> r.getJsonNumber("interactionId").longValue() == interaction)
              .findFirst()
              .orElseThrow();
      assertThat(item.getInt("requiredVotes")).isEqualTo(2);
      assertThat(api.get("/api/audit?max=20", ADMIN).body()).contains("SETTING_CHANGED");
    } finally {
      Reply reset = api.delete("/api/settings/" + key, ADMIN);
      assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    }
    assertThat(setting(api, key).getString("value")).isEqualTo("1");
    assertThat(setting(api, key).getBoolean("overridden")).isFalse();
    assertThat(api.delete("/api/settings/infodesk.db.url", ADMIN).status()).isEqualTo(400);
    JsonObject llm = api.post("/api/settings/llm-test", ADMIN, "").json();
    assertThat(llm.getBoolean("ok")).isFalse();
    assertThat(llm.getString("message")).contains("No LLM endpoint is configured");
  }

  @Test
  void theReviewBudgetLimitsTheItemsAJudgingRunCreatesAndOrdersThemByExpectedGain() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    String key = "infodesk.review.budget";
    assertThat(setting(api, key).getString("value")).isEqualTo("100%");
    for (String bad : new String[] {"lots", "-1", "150%"}) {
      Reply r = api.put("/api/settings/" + key, ADMIN, "{\"value\":\"" + bad + "\"}");
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.isProblem()).isTrue();
    }
    try {
      assertThat(api.put("/api/settings/" + key, ADMIN, "{\"value\":\"2\"}").status())
          .isEqualTo(200);
      List<Long> misroutes = new ArrayList<>();
      for (String q :
          List.of(
              "Which form do I need for a standing desk at home?",
              "Can my manager see my browser history?",
              "Who signs off a conference budget above 5000 euros?",
              "How do I book the quiet room on the third floor?")) {
        misroutes.add(api.misroute(q, "wrong team").interactionId());
      }
      Reply judged = api.post("/api/reviews/judging", ADMIN, "");
      assertThat(judged.status()).as(judged.body()).isEqualTo(200);
      assertThat(judged.json().getInt("budget")).isEqualTo(2);
      assertThat(judged.json().getInt("chosen")).isEqualTo(2);
      assertThat(judged.json().getInt("flagged")).isGreaterThanOrEqualTo(4);
      List<JsonObject> queue =
          api.get("/api/reviews?max=200", ADMIN).array().getValuesAs(JsonObject.class).stream()
              .filter(r -> misroutes.contains(r.getJsonNumber("interactionId").longValue()))
              .toList();
      assertThat(queue).as("the budget of two items is honoured").hasSize(2);
      for (JsonObject item : queue) {
        assertThat(item.getString("selectionReason")).contains("likely wrong");
        assertThat(item.getJsonNumber("priority").doubleValue()).isPositive();
      }
      assertThat(queue.get(0).getJsonNumber("priority").doubleValue())
          .as("the queue comes in the order of the expected gain")
          .isGreaterThanOrEqualTo(queue.get(1).getJsonNumber("priority").doubleValue());
    } finally {
      assertThat(api.delete("/api/settings/" + key, ADMIN).status()).isEqualTo(200);
    }
  }
}
