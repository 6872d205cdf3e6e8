package io.infodesk.knowledge;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An owner uploads a revised document whose sections mostly did not change, then re-indexes it:
 * ingestion embeds only the new section and reuses the stored vectors of the others (the counter
 * {@code infodesk_ingestion_chunks_reused_total} says how many), and the revised document answers
 * about its old sections and its new one alike.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VectorReuseIT {

  static final String OWNER = basic("owner", "demo");
  static final String EMPLOYEE = basic("employee", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  @Test
  void aRevisedDocumentEmbedsOnlyItsNewSectionAndAReindexEmbedsNothing() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    String office = "Tromsø";
    String gateway = "vpn-tromso-" + System.nanoTime() % 10_000 + ".kestrel.example";
    String guide =
        "# "
            + office
            + " office network guide\n\n## VPN gateway\n\nEmployees in the "
            + office
            + " office connect the GlobalConnect VPN client to the gateway "
            + gateway
            + ", which is closest to the "
            + office
            + " office.\n\n## Printers\n\nThe "
            + office
            + " office printers are on the second floor; print jobs are released with your badge.\n\n"
            + "## Laptop repairs\n\nBroken laptops in the "
            + office
            + " office go to the IT service desk on the ground floor.\n";
    long first = upload(api, "tromso-network.md", guide);
    awaitIndexed(api, first, 3);

    double before = reused(api);
    Map<String, double[]> stagesBefore = stages(api);
    String revised =
        guide
            + "\n## Guest Wi-Fi\n\nVisitors to the "
            + office
            + " office join the KestrelGuest Wi-Fi network with the daily password from reception.\n";
    long second = upload(api, "tromso-network-2027.md", revised);
    awaitIndexed(api, second, 4);
    assertThat(reused(api) - before)
        .as("the three unchanged sections keep their vectors")
        .isGreaterThanOrEqualTo(3)
        .isLessThan(4 + 3);
    Map<String, double[]> stagesAfter = stages(api);
    for (String stage : List.of("parse", "embed", "store", "index")) {
      assertThat(stagesAfter.get(stage)[1] - stagesBefore.get(stage)[1])
          .as("sources ingested through the %s stage, as the metrics count them", stage)
          .isGreaterThanOrEqualTo(1);
      assertThat(stagesAfter.get(stage)[0] - stagesBefore.get(stage)[0])
          .as("microseconds of the %s stage", stage)
          .isPositive();
    }
    assertThat(api.post("/api/sources/" + first + "/retire", OWNER, "").status()).isEqualTo(200);
    String wifi = "Which Wi-Fi network do visitors join in the " + office + " office?";
    String vpn = "Which VPN gateway should I use in the " + office + " office?";
    assertThat(cites(api, wifi, second)).as("the new section").isTrue();
    assertThat(cites(api, vpn, second)).as("an unchanged section").isTrue();

    double beforeReindex = reused(api);
    assertThat(api.post("/api/sources/" + second + "/reindex", OWNER, "").status()).isEqualTo(202);
    awaitIndexed(api, second, 4);
    assertThat(reused(api) - beforeReindex)
        .as("a re-index of unchanged content embeds nothing")
        .isGreaterThanOrEqualTo(4);
    assertThat(cites(api, vpn, second)).isTrue();
  }

  static long upload(Api api, String filename, String text) {
    Reply r = api.upload(OWNER, "it", filename, text);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.array().getJsonObject(0).getJsonNumber("id").longValue();
  }

  static void awaitIndexed(Api api, long source, int chunks) {
    assertThat(SearchStabilityIT.awaitIndexed(api, source)).isEqualTo("INDEXED");
    assertThat(api.get("/api/sources/" + source + "/chunks", OWNER).array().size())
        .isEqualTo(chunks);
  }

  /** Whether the answer to {@code question} cites {@code source}; the answer goes to the log. */
  static boolean cites(Api api, String question, long source) {
    Reply r = api.post("/api/ask", EMPLOYEE, "{\"question\":" + Json.createValue(question) + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    boolean cited =
        r.json().getJsonArray("citations").getValuesAs(JsonObject.class).stream()
            .anyMatch(c -> c.getJsonNumber("sourceId").longValue() == source);
    if (!cited) {
      System.out.println("not citing source " + source + ": " + r.body());
    }
    return cited;
  }

  /**
   * Each ingestion stage's microseconds and calls, as the node's Prometheus text gives them (0
   * before any).
   */
  static Map<String, double[]> stages(Api api) {
    String text = metrics(api);
    Map<String, double[]> stages = new java.util.HashMap<>();
    for (String stage : List.of("parse", "embed", "store", "index")) {
      String label = "stage=\"" + stage + "\"";
      stages.put(
          stage,
          new double[] {
            counter(text, "infodesk_ingestion_stage_micros_total", label),
            counter(text, "infodesk_ingestion_stage_calls_total", label)
          });
    }
    return stages;
  }

  /** The it domain's reused chunks, as the node's Prometheus text gives them (0 before any). */
  static double reused(Api api) {
    return counter(metrics(api), "infodesk_ingestion_chunks_reused_total", "domain=\"it\"");
  }

  /** The node's application metrics in Prometheus text. */
  static String metrics(Api api) {
    return api.raw("GET", "/metrics?scope=application", Map.of("Accept", "text/plain"), null)
        .body();
  }

  /** The value of the series of counter {@code name} that has {@code label} (0 before any). */
  static double counter(String text, String name, String label) {
    Matcher m =
        Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$")
            .matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
