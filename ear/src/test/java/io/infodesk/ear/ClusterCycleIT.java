package io.infodesk.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two train nodes on one PostgreSQL, both with the flywheel scheduled every minute: each minute at
 * most one cycle starts in the cluster (the other node's start is refused by the lease and logged).
 * The node running the cycle is killed ({@code kill -9}) inside its train step (training made long
 * on purpose); the survivor, once the dead node's heartbeat has been silent for {@code
 * infodesk.cluster.heartbeat-silence-seconds}, marks that cycle FAILED and runs the next one
 * itself. Needs PostgreSQL; skipped without it.
 */
class ClusterCycleIT {

  static final String SCHEMA = "cluster_cycle_it";

  @Test
  void oneCycleAMinuteInTheClusterAndTheSurvivorTakesOverFromAKilledHolder() throws Exception {
    String pgUrl = PackagingSmokeIT.setting("infodesk.test.pg.url", "INFODESK_TEST_PG_URL");
    assumeTrue(
        !pgUrl.isBlank(),
        "skipped: two nodes need a shared PostgreSQL (set INFODESK_TEST_PG_URL, USER, PASSWORD)");
    String pgUser = PackagingSmokeIT.setting("infodesk.test.pg.user", "INFODESK_TEST_PG_USER");
    String pgPassword =
        PackagingSmokeIT.setting("infodesk.test.pg.password", "INFODESK_TEST_PG_PASSWORD");
    try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    List<String> settings =
        List.of(
            "infodesk.db.url=" + url,
            "infodesk.db.datasource-class=org.postgresql.ds.PGSimpleDataSource",
            "infodesk.db.user=" + pgUser,
            "infodesk.db.password=" + pgPassword,
            "infodesk.demo=true",
            "infodesk.node.roles=serve,train",
            "infodesk.flywheel.schedule=* * * * *",
            "infodesk.cluster.heartbeat-silence-seconds=20",
            "infodesk.training.max-epochs=1000000",
            "infodesk.training.patience=1000000");
    Path dataA = MicroServer.freshDir("cycle-a");
    Path dataB = MicroServer.freshDir("cycle-b");
    Map<String, Path> logs = Map.of("node-a", dataA, "node-b", dataB);
    MicroServer a =
        MicroServer.start(dataA, ClusterIndexIT.with(settings, "infodesk.node.name=node-a"));
    MicroServer b = null;
    try {
      a.awaitReady();
      b = MicroServer.start(dataB, ClusterIndexIT.with(settings, "infodesk.node.name=node-b"));
      b.awaitReady();
      // ratings for the frozen evaluation, so that a cycle reaches its (long) train step
      for (String q : CrashRecoveryIT.TRAFFIC) {
        JsonObject asked =
            CrashRecoveryIT.json(
                a.post("/api/ask", CrashRecoveryIT.ADMIN, ClusterRoutingIT.ask(q)));
        a.post(
            "/api/interactions/" + asked.getJsonNumber("interactionId") + "/feedback",
            CrashRecoveryIT.ADMIN,
            "{\"rating\":\"up\"}");
      }

      MicroServer reader = a;
      JsonObject training =
          awaitCycle(
              reader,
              c -> c.getString("status").equals("RUNNING") && trainDetail(c).contains("epoch"),
              Duration.ofMinutes(3),
              "a scheduled cycle in its train step");
      long runningId = training.getJsonNumber("id").longValue();
      String holder = training.getString("node");

      // both schedulers fired every minute; the lease let one cycle start per minute
      List<JsonObject> cycles = cycles(reader);
      Map<Instant, List<String>> byMinute =
          cycles.stream()
              .collect(
                  Collectors.groupingBy(
                      c -> Instant.parse(c.getString("startedAt")).truncatedTo(ChronoUnit.MINUTES),
                      TreeMap::new,
                      Collectors.mapping(c -> c.getString("node"), Collectors.toList())));
      System.out.println("cycles started per minute (node names): " + byMinute);
      assertThat(cycles).allMatch(c -> c.getString("trigger").equals("SCHEDULE"));
      assertThat(byMinute.values()).as("cycles started in one minute").allMatch(l -> l.size() == 1);
      String survivorName = holder.equals("node-a") ? "node-b" : "node-a";
      assertThat(Files.readString(MicroServer.log(logs.get(survivorName))))
          .as("the other node's scheduler fired and was refused by the lease")
          .contains("Scheduled flywheel cycle skipped");

      MicroServer killed = holder.equals("node-a") ? a : b;
      MicroServer survivor = killed == a ? b : a;
      Instant killedAt = Instant.now();
      killed.kill();

      JsonObject failed =
          awaitCycle(
              survivor,
              c ->
                  c.getJsonNumber("id").longValue() == runningId
                      && !c.getString("status").equals("RUNNING"),
              Duration.ofMinutes(3),
              "the killed node's cycle is closed");
      assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("FAILED");
      assertThat(failed.getString("failure")).contains("interrupted");
      // ids do not tell the order: each node's JPA allocates ids from its own block of the sequence
      JsonObject next =
          awaitCycle(
              survivor,
              c ->
                  c.getJsonNumber("id").longValue() != runningId
                      && Instant.parse(c.getString("startedAt")).isAfter(killedAt),
              Duration.ofMinutes(2),
              "the survivor runs the next cycle");
      assertThat(next.getString("node")).isEqualTo(survivorName);
      assertThat(Instant.parse(next.getString("startedAt"))).isAfter(killedAt);
      System.out.printf(
          "cycle %d on %s killed at %s; %s marked it FAILED and started cycle %d at %s%n",
          runningId,
          holder,
          killedAt,
          survivorName,
          next.getJsonNumber("id").longValue(),
          next.getString("startedAt"));
    } finally {
      a.close();
      if (b != null) {
        b.close();
      }
    }
  }

  static String trainDetail(JsonObject cycle) {
    JsonValue steps = cycle.get("steps");
    if (steps == null || steps.getValueType() != JsonValue.ValueType.OBJECT) {
      return "";
    }
    JsonObject train = steps.asJsonObject().getJsonObject("train");
    return train == null ? "" : train.getString("detail", "");
  }

  static List<JsonObject> cycles(MicroServer node) throws Exception {
    HttpResponse<String> r = node.get("/api/flywheel/cycles?max=200", CrashRecoveryIT.ADMIN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readArray().stream().map(JsonValue::asJsonObject).toList();
    }
  }

  interface CycleCheck {
    boolean holds(JsonObject cycle);
  }

  static JsonObject awaitCycle(MicroServer node, CycleCheck check, Duration timeout, String what)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonObject> last = List.of();
    while (System.nanoTime() < deadline) {
      last = cycles(node);
      for (JsonObject c : last) {
        if (check.holds(c)) {
          return c;
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("timed out waiting until " + what + "; cycles: " + last);
  }
}
