package io.infodesk.operations;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * InfoDesk's application metrics as an operator's Prometheus sees them: Debian's {@code promtool}
 * accepts the application scope of /metrics, and a throw-away {@code prometheus}, scraping the test
 * server every second, sees the counters move after a few questions, ratings, an escalation, an SME
 * decision and one flywheel cycle. Needs Debian's prometheus package, which {@code .ci/run}
 * installs; skipped without it, except under CI, where its absence fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrometheusIT {

  static final String ADMIN = basic("admin", "demo");
  static final String EMPLOYEE = basic("employee", "demo");
  static final String SME = basic("sme", "demo");
  static final String OWNER = basic("owner", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void prometheusScrapesTheApplicationMetricsAndSeesThemMove() throws Exception {
    Path prometheus = tool("prometheus");
    Path promtool = tool("promtool");
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));

    Path dir = Files.createTempDirectory("infodesk-prometheus");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(
        dir.resolve("prometheus.yml"),
        "global:\n"
            + "  scrape_interval: 1s\n"
            + "scrape_configs:\n"
            + "  - job_name: infodesk\n"
            + "    metrics_path: /metrics\n"
            + "    params:\n"
            + "      scope: [application]\n"
            + "    static_configs:\n"
            + "      - targets: ['"
            + base.getHost()
            + ":"
            + base.getPort()
            + "']\n");
    Process server =
        new ProcessBuilder(
                prometheus.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    String prom = "http://127.0.0.1:" + port;
    try {
      // one question first, so that the per-question series exist, then the baseline
      api.askAndRateUp(List.of("How many vacation days do I get per year?"));
      await(prom, "up{job=\"infodesk\"} == 1", dir);
      await(prom, "sum(infodesk_questions_total) > 0", dir);
      Map<String, Double> before = values(prom);

      api.askAndRateUp(List.of("How do I reset my VPN password?", "When is payday?"));
      // a source ingested on this node, so that the ingestion stages' series exist
      Reply uploaded =
          api.upload(
              OWNER,
              "it",
              "prometheus-" + System.nanoTime() + ".md",
              "# Monitoring\n\nThe monitoring wiki run "
                  + System.nanoTime()
                  + " says Prometheus scrapes every node once a second.\n");
      assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
      assertThat(
              api.awaitSource(
                  uploaded.array().getJsonObject(0).getJsonNumber("id").longValue(),
                  OWNER,
                  Duration.ofMinutes(2)))
          .isEqualTo("INDEXED");
      Api.Misroute down = api.misroute("Where do I find the product API limits?", null);
      Reply escalated =
          api.post(
              "/api/interactions/" + down.interactionId() + "/escalation",
              EMPLOYEE,
              "{\"note\":\"please call me\"}");
      assertThat(escalated.status()).as(escalated.body()).isBetween(200, 201);
      Reply pii =
          api.post(
              "/api/ask",
              EMPLOYEE,
              "{\"question\":\"my ssn is 123-45-6789, how do I update my tax form?\"}");
      assertThat(pii.status()).as(pii.body()).isEqualTo(200);
      Reply judged = api.post("/api/reviews/judging", ADMIN, "");
      assertThat(judged.status()).as(judged.body()).isBetween(200, 202);
      JsonObject item =
          api.get("/api/reviews?max=200", SME).array().getValuesAs(JsonObject.class).stream()
              .filter(r -> r.getJsonNumber("interactionId").longValue() == down.interactionId())
              .findFirst()
              .orElseThrow(() -> new AssertionError("the judge did not flag the misroute"));
      String review = "/api/reviews/" + item.getJsonNumber("id");
      assertThat(api.post(review + "/claim", SME, "").status()).isEqualTo(200);
      Reply decided =
          api.post(
              review + "/decision",
              SME,
              "{\"decision\":\"CORRECT_DOMAIN\",\"domain\":\"" + down.correctedDomain() + "\"}");
      assertThat(decided.status()).as(decided.body()).isEqualTo(200);
      JsonObject cycle = api.runCycle(ADMIN, Duration.ofMinutes(4));

      // the metric as InfoDesk serves it passes promtool's lint
      Reply text =
          api.raw("GET", "/metrics?scope=application", Map.of("Accept", "text/plain"), null);
      assertThat(text.status()).isEqualTo(200);
      Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").start();
      check.getOutputStream().write(text.body().getBytes(StandardCharsets.UTF_8));
      check.getOutputStream().close();
      String lint = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      lint += new String(check.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(check.exitValue()).as("promtool check metrics: %s", lint).isZero();

      // the Grafana dashboard in docs/ uses only metric names that InfoDesk exports
      java.util.Set<String> exported = new java.util.TreeSet<>();
      java.util.regex.Matcher type =
          java.util.regex.Pattern.compile("(?m)^# TYPE (infodesk_\\w+) (\\w+)")
              .matcher(text.body());
      while (type.find()) {
        exported.add(type.group(1));
        if (type.group(2).equals("summary") || type.group(2).equals("histogram")) {
          exported.add(type.group(1) + "_sum");
          exported.add(type.group(1) + "_count");
        }
      }
      java.util.Set<String> used = new java.util.TreeSet<>();
      java.util.regex.Matcher name =
          java.util.regex.Pattern.compile("infodesk_\\w+")
              .matcher(Files.readString(Path.of("..", "docs", "grafana-dashboard.json")));
      while (name.find()) {
        used.add(name.group());
      }
      used.removeAll(exported);
      // no LLM endpoint in this test, and no source failed on this server
      used.removeAll(
          java.util.Set.of(
              "infodesk_llm_calls_total",
              "infodesk_llm_call_micros_total",
              "infodesk_ingestion_failures_total"));
      assertThat(used).as("dashboard metrics not exported; exported: %s", exported).isEmpty();
      assertThat(exported).contains("infodesk_ask_waiting");

      await(prom, "sum(infodesk_cycles_total) >= 1", dir);
      await(prom, "sum(infodesk_questions_total) >= " + (before.get("questions") + 3), dir);
      Map<String, Double> after = values(prom);
      System.out.println("Prometheus saw, before → after: " + before + " → " + after);
      assertThat(after.get("questions")).isGreaterThanOrEqualTo(before.get("questions") + 3);
      assertThat(after.get("ratings")).isGreaterThanOrEqualTo(before.get("ratings") + 3);
      assertThat(after.get("ratings_down")).isGreaterThan(before.get("ratings_down"));
      assertThat(after.get("escalations")).isGreaterThan(before.get("escalations"));
      assertThat(after.get("decisions")).isGreaterThan(before.get("decisions"));
      assertThat(after.get("pii")).isGreaterThan(before.get("pii"));
      assertThat(after.get("embed_count")).isGreaterThanOrEqualTo(before.get("embed_count") + 3);
      assertThat(after.get("cycles")).as(cycle.toString()).isGreaterThan(before.get("cycles"));
      assertThat(after.get("cycle_steps")).as("the last cycle's steps").isPositive();
      assertThat(after.get("sources_indexed")).isPositive();
      assertThat(after.get("router_live")).as("exactly one router serves").isEqualTo(1.0);
      assertThat(after.get("log_errors")).as("records at SEVERE").isNotNegative();
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** The figures the test follows, each a PromQL expression summed to one number. */
  Map<String, Double> values(String prom) throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("questions", "sum(infodesk_questions_total)");
    queries.put("ratings", "sum(infodesk_ratings_total)");
    queries.put("ratings_down", "sum(infodesk_ratings_total{rating=\"down\"})");
    queries.put("escalations", "sum(infodesk_escalations_total)");
    queries.put("decisions", "sum(infodesk_review_decisions_total)");
    queries.put("pii", "sum(infodesk_guardrail_events_total{kind=\"PII_REDACTED\"})");
    queries.put("embed_count", "sum(infodesk_ask_stage_calls_total{stage=\"embed\"})");
    queries.put("cycles", "sum(infodesk_cycles_total)");
    queries.put("cycle_steps", "count(infodesk_cycle_last_step_seconds)");
    queries.put("sources_indexed", "sum(infodesk_sources{status=\"INDEXED\"})");
    queries.put("router_live", "sum(infodesk_router_live)");
    queries.put("log_errors", "sum(infodesk_log_errors_total)");
    Map<String, Double> out = new LinkedHashMap<>();
    for (var q : queries.entrySet()) {
      JsonArray result = query(prom, q.getValue());
      out.put(
          q.getKey(),
          result.isEmpty()
              ? 0.0
              : Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
    }
    return out;
  }

  JsonArray query(String prom, String promql) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        prom
                            + "/api/v1/query?query="
                            + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 503) {
      // Prometheus answers 503 until its storage is ready
      throw new IOException("Prometheus is not ready yet: " + r.body());
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject().getJsonObject("data").getJsonArray("result");
    }
  }

  /** Waits until the PromQL expression has a result (a comparison that holds). */
  void await(String prom, String promql, Path dir) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      try {
        if (!query(prom, promql).isEmpty()) {
          return;
        }
      } catch (IOException starting) {
        // Prometheus is still starting (no answer yet, or 503 until its storage is ready)
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "Prometheus never saw "
            + promql
            + "; its log: "
            + (Files.exists(dir.resolve("prometheus.log"))
                ? Files.readString(dir.resolve("prometheus.log"))
                : "none"));
  }

  /** A Prometheus binary on the PATH; skips without one, but fails under CI. */
  static Path tool(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    if (System.getenv("CI") != null) {
      throw new AssertionError(name + " is not installed; .ci/run installs Debian's prometheus");
    }
    Assumptions.abort(name + " is not installed (apt-get install prometheus); skipped");
    return null;
  }
}
