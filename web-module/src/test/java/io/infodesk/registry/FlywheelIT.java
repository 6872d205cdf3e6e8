package io.infodesk.registry;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The student routers on a real Payara Micro: employees ask and rate, an admin trains both students
 * with DJL, reads their evaluation against the teacher, promotes one (then /api/ask is routed by
 * it, and the interaction says so) and rolls back to the teacher. The gates are relaxed in the test
 * configuration, because a handful of demo questions cannot show a student beating the teacher; the
 * gate logic itself has its own unit test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlywheelIT {

  static final String ADMIN = basic("admin", "demo");
  static final String EMPLOYEE = basic("employee", "demo");
  static final String SME = basic("sme", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  @Test
  void trainEvaluatePromoteAndRollBack() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    // enough traffic for the frozen evaluation set (never the domains' exemplars)
    api.askAndRateUp(Api.DEMO_TRAFFIC);
    for (String q :
        List.of(
            "How many vacation days do I get?",
            "How do I connect to the VPN?",
            "When is payday?",
            "What does error FLOW-401 mean?",
            "How long is parental leave?",
            "I forgot my password",
            "How do I submit an expense report?",
            "How do webhooks retry?",
            "What is the capital of France?")) {
      JsonObject a = api.post("/api/ask", EMPLOYEE, "{\"question\":\"" + q + "\"}").json();
      api.post(
          "/api/interactions/" + a.getJsonNumber("interactionId") + "/feedback",
          EMPLOYEE,
          "{\"rating\":\"up\"}");
    }
    // the employee says it belongs elsewhere; both candidate domains are the demo SME's
    Api.Misroute wrong = api.misroute("Who approves my corporate card limit?", null);
    long wrongId = wrong.interactionId();
    String corrected = wrong.correctedDomain();

    // the judge flags it, an SME claims and decides it
    assertThat(api.post("/api/reviews/judging", SME, "").status()).isEqualTo(403);
    Reply judged = api.post("/api/reviews/judging", ADMIN, "");
    assertThat(judged.status()).as(judged.body()).isEqualTo(200);
    assertThat(judged.json().getInt("flagged")).isGreaterThanOrEqualTo(1);
    assertThat(judged.json().getInt("unsatisfied")).isGreaterThanOrEqualTo(1);
    JsonObject item =
        api.get("/api/reviews?max=200", SME).array().getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getJsonNumber("interactionId").longValue() == wrongId)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the SME does not see the flagged item"));
    assertThat(item.getString("attribution")).isEqualTo("ROUTING");
    assertThat(item.getString("suggestedDomain")).isEqualTo(corrected);
    String path = "/api/reviews/" + item.getJsonNumber("id");
    assertThat(api.get("/api/reviews?max=200", EMPLOYEE).status()).isEqualTo(403);
    assertThat(api.post(path + "/decision", SME, "{\"decision\":\"CONFIRM_ROUTE\"}").status())
        .as("not claimed yet")
        .isEqualTo(409);
    assertThat(api.post(path + "/claim", SME, "").status()).isEqualTo(200);
    assertThat(api.post(path + "/claim", ADMIN, "").status())
        .as("someone else holds it")
        .isEqualTo(409);
    assertThat(api.post(path + "/decision", SME, "{\"decision\":\"MAYBE\"}").status())
        .isEqualTo(400);
    assertThat(api.post(path + "/decision", SME, "{\"decision\":\"CORRECT_DOMAIN\"}").status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    path + "/decision",
                    SME,
                    "{\"decision\":\"CORRECT_DOMAIN\",\"domain\":\"atlantis\"}")
                .status())
        .isEqualTo(400);
    Reply decided =
        api.post(
            path + "/decision",
            SME,
            "{\"decision\":\"CORRECT_DOMAIN\",\"domain\":\"" + corrected + "\"}");
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(decided.json().getString("status")).isEqualTo("DECIDED");
    assertThat(api.post(path + "/decision", SME, "{\"decision\":\"SKIP\"}").status())
        .isEqualTo(409);
    assertThat(api.post("/api/reviews/abc/claim", SME, "").status()).isEqualTo(400);
    assertThat(api.post("/api/reviews/99999999/claim", SME, "").status()).isEqualTo(404);

    assertThat(api.post("/api/models/training", EMPLOYEE, "").status()).isEqualTo(403);
    // an admin whose employees rarely ask off-topic says so; the candidates are tuned for it
    List<JsonObject> models = trainWith(api, "infodesk.training.out-of-scope-share", "1.5", "0.05");
    assertThat(models)
        .extracting(m -> m.getString("architecture"))
        .containsExactly("ngram", "minilm-mlp");
    assertThat(models)
        .allSatisfy(
            m ->
                assertThat(
                        m.getJsonObject("metrics").getJsonNumber("outOfScopeShare").doubleValue())
                    .isEqualTo(0.05));
    for (JsonObject m : models) {
      assertThat(m.getString("status")).isEqualTo("CANDIDATE");
      assertThat(m.getString("checksum")).matches("[0-9a-f]{64}");
      assertThat(m.getJsonNumber("parameters").longValue()).isPositive();
      JsonObject metrics = m.getJsonObject("metrics");
      assertThat(metrics.getJsonNumber("accuracy").doubleValue()).isBetween(0.0, 1.0);
      assertThat(metrics.getJsonNumber("expectedAccuracy").doubleValue()).isBetween(0.0, 1.0);
      assertThat(metrics.getJsonNumber("askPathP95Micros").doubleValue())
          .as("the route timed as the ask path pays for it, which the latency budget bounds")
          .isPositive();
      assertThat(metrics.getJsonObject("teacher").getJsonNumber("accuracy").doubleValue())
          .isBetween(0.0, 1.0);
      assertThat(metrics.getJsonObject("confusion").keySet())
          .contains("hr", "it", "finance", "product");
      assertThat(m.getJsonObject("gate").getBoolean("pass")).isTrue();
      assertThat(m.getString("trainingSummary")).contains("SEED", "LOGGED", "RELABELED_BY_SME");
    }
    JsonObject ngram = models.get(0);
    JsonObject ngramMetrics = ngram.getJsonObject("metrics");
    assertThat(ngramMetrics.getJsonNumber("p95Micros").doubleValue())
        .as("the n-gram student routes faster than the teacher")
        .isLessThan(ngramMetrics.getJsonObject("teacher").getJsonNumber("p95Micros").doubleValue());
    assertThat(ngramMetrics.getJsonNumber("costPer1000Routes").doubleValue())
        .as("and costs less per 1,000 routes")
        .isPositive()
        .isLessThan(
            ngramMetrics.getJsonObject("teacher").getJsonNumber("costPer1000Routes").doubleValue());
    assertThat(ngramMetrics.getJsonNumber("bytes").longValue()).isPositive();
    assertThat(ngramMetrics.getJsonObject("incumbent").getString("version"))
        .as("the teacher is the incumbent before any promotion")
        .startsWith("zero-shot-");
    assertThat(ngramMetrics.getJsonObject("incumbent").getJsonNumber("accuracy").doubleValue())
        .isBetween(0.0, 1.0);

    // the MLP student shadows live traffic: its routes are logged, never answered with
    JsonObject mlp = models.get(1);
    String mlpPath = "/api/models/" + mlp.getJsonNumber("id");
    assertThat(api.post(mlpPath + "/shadow", ADMIN, "").json().getString("status"))
        .isEqualTo("SHADOW");
    assertThat(api.post(mlpPath + "/shadow", ADMIN, "").status()).isEqualTo(409);
    JsonObject shadowed =
        api.post("/api/ask", EMPLOYEE, "{\"question\":\"When is payday this month?\"}").json();
    JsonObject shadowLog =
        api.get("/api/interactions/" + shadowed.getJsonNumber("interactionId"), EMPLOYEE).json();
    assertThat(shadowLog.getJsonArray("shadowPredictions").getJsonObject(0).getString("version"))
        .isEqualTo(mlp.getString("version"));
    assertThat(shadowLog.getString("routerVersion")).startsWith("zero-shot-");
    JsonObject agreement = api.get(mlpPath + "/agreement", ADMIN).json();
    assertThat(agreement.getInt("compared")).isGreaterThanOrEqualTo(1);
    assertThat(agreement.getJsonNumber("rate").doubleValue()).isBetween(0.0, 1.0);

    assertThat(api.post("/api/models/abc/promotion", ADMIN, "").status()).isEqualTo(400);
    assertThat(api.post("/api/models/99999999/promotion", ADMIN, "").status()).isEqualTo(404);
    assertThat(
            api.post("/api/models/" + ngram.getJsonNumber("id") + "/promotion", EMPLOYEE, "")
                .status())
        .isEqualTo(403);
    try {
      Reply promoted =
          api.post("/api/models/" + ngram.getJsonNumber("id") + "/promotion", ADMIN, "");
      assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
      assertThat(promoted.json().getString("status")).isEqualTo("ACTIVE");
      assertThat(
              api.post("/api/models/" + ngram.getJsonNumber("id") + "/promotion", ADMIN, "")
                  .status())
          .isEqualTo(409);

      JsonObject routed =
          api.post("/api/ask", EMPLOYEE, "{\"question\":\"How do I reset my VPN password?\"}")
              .json();
      assertThat(routed.getString("routerVersion")).isEqualTo(ngram.getString("version"));
      JsonObject logged =
          api.get("/api/interactions/" + routed.getJsonNumber("interactionId"), EMPLOYEE).json();
      assertThat(logged.getString("routerVersion")).isEqualTo(ngram.getString("version"));

      // with a student live, each new candidate is gated against it, not only against the teacher:
      // an admin allows no drop beyond what the held-out examples cannot tell from noise
      List<JsonObject> againstLive = trainWith(api, "infodesk.gates.max-accuracy-drop", "1.5", "0");
      assertThat(againstLive).hasSize(2);
      for (JsonObject m : againstLive) {
        JsonObject metrics = m.getJsonObject("metrics");
        JsonObject live = metrics.getJsonObject("incumbent");
        assertThat(live.getString("version")).isEqualTo(ngram.getString("version"));
        // compared on traffic as the students are tuned for (the out-of-scope share)
        double accuracy = metrics.getJsonNumber("expectedAccuracy").doubleValue();
        double liveAccuracy = live.getJsonNumber("expectedAccuracy").doubleValue();
        boolean belowLive =
            m.getJsonObject("gate").getJsonArray("reasons").stream()
                .anyMatch(r -> r.toString().contains("below the live router's"));
        assertThat(belowLive && accuracy >= liveAccuracy).as(m.toString()).isFalse();
      }
      assertThat(
              api.post("/api/ask", EMPLOYEE, "{\"question\":\"How do I reset my VPN password?\"}")
                  .json()
                  .getString("routerVersion"))
          .as("training does not change the live router")
          .isEqualTo(ngram.getString("version"));
    } finally {
      Reply rolledBack = api.post("/api/models/rollback", ADMIN, "");
      assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
      assertThat(rolledBack.json().getString("live")).isEqualTo("teacher");
    }
    JsonObject after =
        api.post("/api/ask", EMPLOYEE, "{\"question\":\"How do I reset my VPN password?\"}").json();
    assertThat(after.getString("routerVersion")).startsWith("zero-shot-");
    assertThat(api.post("/api/models/rollback", ADMIN, "").status()).isEqualTo(409);
    assertThat(api.get("/api/audit?max=50", ADMIN).body())
        .contains(
            "JUDGED", "REVIEW_DECIDED", "MODELS_TRAINED", "MODEL_PROMOTED", "MODEL_ROLLED_BACK");
    assertThat(api.get("/api/models", ADMIN).body()).contains("RETIRED");

    // an admin gives a student that costs what the zero-shot teacher does no tolerance, as the
    // default does (this server's gates let every candidate through): the MiniLM student then
    // passes exactly when it is as accurate as the teacher, and the n-gram, cheaper, still passes
    List<JsonObject> strict = trainWith(api, "infodesk.gates.same-cost-tolerance", "-0.1", "0");
    assertThat(strict).extracting(m -> m.getString("architecture")).hasSize(2);
    for (JsonObject m : strict) {
      JsonObject metrics = m.getJsonObject("metrics");
      JsonObject gate = m.getJsonObject("gate");
      boolean passes =
          m.getString("architecture").equals("ngram")
              || metrics.getJsonNumber("accuracy").doubleValue()
                  >= metrics.getJsonObject("teacher").getJsonNumber("accuracy").doubleValue()
                      - 1e-12;
      assertThat(gate.getBoolean("pass")).as(m.toString()).isEqualTo(passes);
      assertThat(m.getString("status")).isEqualTo(passes ? "CANDIDATE" : "REJECTED");
      if (!passes) {
        assertThat(gate.getJsonArray("reasons").getString(0))
            .contains("the tolerance for a candidate no cheaper than the teacher");
      }
    }
  }

  /**
   * Trains with one setting changed for this training only: a bad value is refused (400) first, the
   * value taken (200), and the setting reset afterwards.
   */
  static List<JsonObject> trainWith(Api api, String key, String bad, String value) {
    String path = "/api/settings/" + key;
    assertThat(api.put(path, ADMIN, "{\"value\":\"" + bad + "\"}").status()).isEqualTo(400);
    assertThat(api.put(path, ADMIN, "{\"value\":\"" + value + "\"}").status()).isEqualTo(200);
    try {
      return api.train(ADMIN, java.time.Duration.ofMinutes(5));
    } finally {
      api.delete(path, ADMIN);
    }
  }
}
