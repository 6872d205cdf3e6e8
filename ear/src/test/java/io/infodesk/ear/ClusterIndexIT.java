package io.infodesk.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes on one PostgreSQL, each with its own search index: a document uploaded on
 * node A is found by questions asked on node B within seconds, and once retired on A, B stops
 * citing it. Needs a PostgreSQL (two processes cannot share the embedded H2 file); skipped with a
 * message without one ({@code .ci/run} provides it).
 */
class ClusterIndexIT {

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anUploadOnOneNodeIsSearchableOnTheOther() throws Exception {
    String pgUrl = PackagingSmokeIT.setting("infodesk.test.pg.url", "INFODESK_TEST_PG_URL");
    assumeTrue(
        !pgUrl.isBlank(),
        "skipped: two nodes need a shared PostgreSQL (set INFODESK_TEST_PG_URL, USER, PASSWORD)");
    List<String> db =
        List.of(
            "infodesk.db.url=" + pgUrl,
            "infodesk.db.datasource-class=org.postgresql.ds.PGSimpleDataSource",
            "infodesk.db.user="
                + PackagingSmokeIT.setting("infodesk.test.pg.user", "INFODESK_TEST_PG_USER"),
            "infodesk.db.password="
                + PackagingSmokeIT.setting(
                    "infodesk.test.pg.password", "INFODESK_TEST_PG_PASSWORD"),
            "infodesk.demo=true",
            "infodesk.flywheel.schedule=off");
    Path dataA = MicroServer.freshDir("cluster-a");
    Path dataB = MicroServer.freshDir("cluster-b");
    try (MicroServer a = MicroServer.start(dataA, with(db, "infodesk.node.name=node-a"))) {
      a.awaitReady();
      try (MicroServer b = MicroServer.start(dataB, with(db, "infodesk.node.name=node-b"))) {
        b.awaitReady();
        String marker = "fjord" + System.nanoTime() % 100000;
        String doc =
            "# Lisbon office network guide\n\n## VPN gateway\n\nEmployees in the Lisbon office"
                + " connect the GlobalConnect VPN client to the gateway vpn-"
                + marker
                + ".kestrel.example, which is closest to Portugal.\n";
        HttpResponse<String> uploaded = upload(a, "it", "lisbon.md", doc);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(uploaded.body());
        assertThat(id.find()).isTrue();
        String source = "/api/sources/" + id.group(1);
        await(a, source, r -> r.contains("\"status\":\"INDEXED\""), "INDEXED on node A");

        String question = "{\"question\":\"Which VPN gateway should I use in the Lisbon office?\"}";
        await(a, null, ignored -> ask(a, question).contains(marker), "node A cites its upload");
        await(b, null, ignored -> ask(b, question).contains(marker), "node B finds the upload");
        assertThat(a.post(source + "/retire", basic("owner"), "").statusCode()).isEqualTo(200);
        await(b, null, ignored -> !ask(b, question).contains(marker), "node B drops it");
      }
    }
  }

  static List<String> with(List<String> settings, String... extra) {
    return java.util.stream.Stream.concat(settings.stream(), java.util.stream.Stream.of(extra))
        .toList();
  }

  String ask(MicroServer node, String question) {
    try {
      return node.post("/api/ask", basic("employee"), question).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls for up to a minute; {@code path} is read on {@code node} when given. */
  void await(MicroServer node, String path, Predicate<String> done, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = path == null ? "" : node.get(path, basic("owner")).body();
      if (done.test(last)) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("timed out waiting until " + what + ": " + last);
  }

  HttpResponse<String> upload(MicroServer node, String domain, String name, String content)
      throws Exception {
    String boundary = "----infodesk" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\n"
            + domain
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return http.send(
        HttpRequest.newBuilder(URI.create(node.base + "/api/sources"))
            .header("Authorization", basic("owner"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
