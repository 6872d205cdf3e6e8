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
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The flywheel cycle as a Jakarta Batch job on Payara Micro: two simultaneous starts give exactly
 * one cycle (the database lease), which runs monitor, judge, train and decide to COMPLETED and
 * records the funnel; the next start works once the lease is free.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlywheelCycleIT {

  static final String ADMIN = basic("admin", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  @Test
  void twoStartsOneCycleThatCompletesWithItsFunnel() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    // enough traffic for the frozen evaluation set (never the domains' exemplars)
    api.askAndRateUp(Api.DEMO_TRAFFIC);
    assertThat(api.post("/api/flywheel/cycles", basic("employee", "demo"), "").status())
        .isEqualTo(403);

    List<CompletableFuture<Reply>> starts =
        List.of(
            CompletableFuture.supplyAsync(() -> api.post("/api/flywheel/cycles", ADMIN, "")),
            CompletableFuture.supplyAsync(() -> api.post("/api/flywheel/cycles", ADMIN, "")));
    List<Reply> replies = starts.stream().map(CompletableFuture::join).toList();
    assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(202, 409);
    Reply started = replies.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
    Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().getString("detail")).contains("already running");
    long id = started.json().getJsonNumber("id").longValue();

    JsonObject cycle = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      cycle = api.get("/api/flywheel/cycles/" + id, ADMIN).json();
      if (!cycle.getString("status").equals("RUNNING")) {
        break;
      }
      Api.sleep(1000);
    }
    assertThat(cycle.getString("status")).as(cycle.toString()).isEqualTo("COMPLETED");
    assertThat(cycle.getJsonObject("steps").keySet())
        .containsExactlyInAnyOrder("monitor", "judge", "train", "decide");
    for (String step : List.of("monitor", "judge", "train", "decide")) {
      assertThat(cycle.getJsonObject("steps").getJsonObject(step).getString("status"))
          .isEqualTo("COMPLETED");
    }
    JsonObject funnel = cycle.getJsonObject("funnel");
    assertThat(funnel.keySet())
        .contains(
            "feedback", "unsatisfied", "flaggedMisroutes", "smeConfirmedMisroutes", "groundTruth");
    assertThat(funnel.getInt("groundTruth")).isPositive();
    assertThat(funnel.getInt("unsatisfied")).isLessThanOrEqualTo(funnel.getInt("feedback"));
    assertThat(funnel.getInt("smeConfirmedMisroutes"))
        .isLessThanOrEqualTo(funnel.getInt("flaggedMisroutes"));

    // a new week's traffic, then a cycle that may promote, but not from a frozen set smaller than
    // the admin requires: it tops the set up from the traffic, within a quarter of the labels
    api.askAndRateUp(newWeek(160));
    api.put("/api/settings/infodesk.flywheel.auto-promote", ADMIN, "{\"value\":\"true\"}");
    api.put(
        "/api/settings/infodesk.flywheel.auto-promote-min-eval", ADMIN, "{\"value\":\"1000000\"}");
    long next;
    try {
      Reply again = api.post("/api/flywheel/cycles", ADMIN, "");
      assertThat(again.status()).as("the lease was released").isEqualTo(202);
      next = again.json().getJsonNumber("id").longValue();
      deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      JsonObject second = api.get("/api/flywheel/cycles/" + next, ADMIN).json();
      while (System.nanoTime() < deadline && second.getString("status").equals("RUNNING")) {
        Api.sleep(1000);
        second = api.get("/api/flywheel/cycles/" + next, ADMIN).json();
      }
      assertThat(second.getString("status")).as(second.toString()).isEqualTo("COMPLETED");
      String trained = second.getJsonObject("steps").getJsonObject("train").getString("detail");
      java.util.regex.Matcher topUp =
          java.util.regex.Pattern.compile(
                  "^frozen evaluation set topped up from (\\d+) to (\\d+) examples"
                      + " \\(automatic promotion needs 1000000\\); ")
              .matcher(trained);
      assertThat(topUp.find()).as(trained).isTrue();
      assertThat(Integer.parseInt(topUp.group(2))).isGreaterThan(Integer.parseInt(topUp.group(1)));
      assertThat(second.getJsonObject("steps").getJsonObject("decide").getString("detail"))
          .contains("the frozen evaluation set has " + topUp.group(2) + " examples");
      assertThat(second.getJsonObject("steps").getJsonObject("decide").getString("detail"))
          .as("nothing promoted on a frozen set smaller than required")
          .startsWith("candidates await an admin: the frozen evaluation set has")
          .contains("automatic promotion needs 1000000");
    } finally {
      api.delete("/api/settings/infodesk.flywheel.auto-promote", ADMIN);
      api.delete("/api/settings/infodesk.flywheel.auto-promote-min-eval", ADMIN);
    }
    assertThat(api.get("/api/flywheel/cycles?max=5", ADMIN).body())
        .contains("\"id\":" + id, "\"id\":" + next);
    Reply drift = api.post("/api/flywheel/cycles/drift-check", ADMIN, "");
    assertThat(drift.status()).as(drift.body()).isEqualTo(200);
    assertThat(drift.json().getBoolean("drift")).as("too few ratings to judge drift").isFalse();
    assertThat(api.post("/api/flywheel/cycles/drift-check", basic("sme", "demo"), "").status())
        .isEqualTo(403);
    assertThat(api.get("/api/flywheel/cycles/abc", ADMIN).status()).isEqualTo(400);
    assertThat(api.get("/api/flywheel/cycles/99999999", ADMIN).status()).isEqualTo(404);
  }

  /**
   * In-scope questions of the load-test pool ({@code bench/questions.txt}) that the demo traffic
   * does not have: a week of new questions.
   */
  static List<String> newWeek(int count) {
    try {
      return java.nio.file.Files.readAllLines(java.nio.file.Path.of("../bench/questions.txt"))
          .stream()
          .filter(l -> !l.startsWith("#") && !l.startsWith("oos|"))
          .map(l -> l.substring(l.indexOf('|') + 1))
          .filter(q -> !Api.DEMO_TRAFFIC.contains(q))
          .limit(count)
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
