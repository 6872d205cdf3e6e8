package io.infodesk.ear;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A train node killed ({@code kill -9}) in the middle of a flywheel cycle's train step: after the
 * restart the interrupted cycle is FAILED with its running step, no candidate of it exists, the
 * teacher still routes, and a new cycle can start at once (the dead holder's lease is freed).
 * Training is made long on purpose (huge epoch and patience limits) so that the kill lands inside
 * it; its progress is visible in the cycle record while it runs.
 */
class CrashRecoveryIT {

  static final String ADMIN =
      "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

  static final List<String> SETTINGS =
      List.of(
          "infodesk.demo=true",
          "infodesk.node.name=crash-node",
          "infodesk.node.roles=serve,train",
          "infodesk.flywheel.schedule=off",
          "infodesk.training.max-epochs=1000000",
          "infodesk.training.patience=1000000");

  static final List<String> TRAFFIC =
      List.of(
          "Can I carry unused vacation days into next year?",
          "When does open enrollment for health insurance start?",
          "How much does the company match on the 401k?",
          "Do I need approval to work remotely on Fridays?",
          "How do I install the VPN client on my laptop?",
          "How do I reset my password after it expired?",
          "How do I print from my laptop to the office printer?",
          "How do I report a phishing email?",
          "When is payday this month?",
          "How do I change my direct deposit account?",
          "What is the hotel cap in New York?",
          "What is the mileage reimbursement rate?",
          "What does error FLOW-429 mean?",
          "How do I configure a webhook in Kestrel Flow?",
          "How do I configure SAML single sign-on?",
          "What are the API rate limits?");

  static JsonObject json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  @Test
  void aKilledCycleIsFailedNotHalfPromotedAndTheLeaseIsFreed() throws Exception {
    Path data = MicroServer.freshDir("crash-data");
    long cycle;
    try (MicroServer first = MicroServer.start(data, SETTINGS)) {
      first.awaitReady();
      // traffic for the frozen evaluation set, which is never made of the domains' exemplars
      for (String q : TRAFFIC) {
        JsonObject a =
            json(first.post("/api/ask", ADMIN, "{\"question\":" + Json.createValue(q) + "}"));
        first.post(
            "/api/interactions/" + a.getJsonNumber("interactionId") + "/feedback",
            ADMIN,
            "{\"rating\":\"up\"}");
      }
      cycle = json(first.post("/api/flywheel/cycles", ADMIN, "")).getJsonNumber("id").longValue();
      String progress = "";
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (System.nanoTime() < deadline) {
        JsonObject c = json(first.get("/api/flywheel/cycles/" + cycle, ADMIN));
        JsonObject train = c.getJsonObject("steps").getJsonObject("train");
        assertThat(c.getString("status")).as(c.toString()).isEqualTo("RUNNING");
        progress = train == null ? "" : train.getString("detail", "");
        if (progress.contains("epoch")) {
          break;
        }
        Thread.sleep(500);
      }
      assertThat(progress).as("training shows its progress").containsPattern("epoch \\d+ of");
      first.kill();
    }

    try (MicroServer second = MicroServer.start(data, SETTINGS)) {
      second.awaitReady();
      JsonObject c = json(second.get("/api/flywheel/cycles/" + cycle, ADMIN));
      assertThat(c.getString("status")).as(c.toString()).isEqualTo("FAILED");
      assertThat(c.getString("failure")).contains("interrupted");
      assertThat(c.getJsonObject("steps").getJsonObject("train").getString("status"))
          .isEqualTo("FAILED");
      assertThat(c.getJsonObject("steps").getJsonObject("judge").getString("status"))
          .isEqualTo("COMPLETED");
      assertThat(second.get("/api/models", ADMIN).body())
          .as("the killed train step left no candidate and nothing was promoted")
          .doesNotContain("\"status\":\"ACTIVE\"")
          .doesNotContain("\"status\":\"CANDIDATE\"");
      JsonObject answer =
          json(second.post("/api/ask", ADMIN, "{\"question\":\"How do I connect to the VPN?\"}"));
      assertThat(answer.getString("routerVersion")).startsWith("zero-shot-");
      HttpResponse<String> again = second.post("/api/flywheel/cycles", ADMIN, "");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    }
  }
}
