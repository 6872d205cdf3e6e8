package io.infodesk.ear;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An admin changes {@code infodesk.embedding.model}: the node started with the other MiniLM embeds
 * every chunk of the knowledge base again in the background (questions and passages must be
 * compared in one vector space), the sources stay INDEXED, and the same question cites the same
 * source before and after. Chunks from before the model was recorded count as the full model's at
 * its full window of 256 word pieces (an upgrade that keeps both does not re-embed them; one that
 * takes the 8-bit default does). The last node also finds its search index gone and rebuilds it
 * from the database at start-up, which is the path a new node or a lost disk takes.
 */
class EmbeddingModelChangeIT {

  static final String ADMIN = ClusterIndexIT.basic("admin");
  static final String EMPLOYEE = ClusterIndexIT.basic("employee");
  static final String QUESTION = "{\"question\":\"How do I install the VPN client on my laptop?\"}";

  static final List<String> SETTINGS =
      List.of(
          "infodesk.demo=true", "infodesk.node.name=model-node", "infodesk.flywheel.schedule=off");

  /** The full model at its full window: what every installation ran before either could change. */
  static final String[] FULL_AS_BEFORE = {
    "infodesk.embedding.model=all-minilm-l6-v2", "infodesk.embedding.max-tokens=256"
  };

  @Test
  void aNodeStartedWithAnotherModelEmbedsTheKnowledgeAgainAndCitesTheSameSource() throws Exception {
    Path data = MicroServer.freshDir("model-change");
    long citedBefore;
    long chunks;
    try (MicroServer full =
        MicroServer.start(data, ClusterIndexIT.with(SETTINGS, FULL_AS_BEFORE))) {
      full.awaitReady();
      awaitIndexed(full);
      await(() -> gauge(full, "infodesk_chunks_reembedding") >= 0, "the first count");
      assertThat(gauge(full, "infodesk_chunks_reembedding"))
          .as("chunks ingested by this node's model need nothing")
          .isZero();
      chunks = (long) gauge(full, "infodesk_chunks_indexed");
      assertThat(chunks).isPositive();
      citedBefore = firstCitedSource(full);
    }

    // as an installation from before the model was recorded (migration V19) would have them
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:h2:file:"
                    + data.resolve("db").resolve("infodesk").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "infodesk",
                "infodesk-embedded");
        Statement update = db.createStatement()) {
      assertThat(update.executeUpdate("UPDATE kb_chunk SET embedding_model = NULL"))
          .isGreaterThanOrEqualTo((int) chunks);
    }
    // the upgrade of an installation that keeps the full model (the default before the 8-bit one)
    try (MicroServer upgraded =
        MicroServer.start(data, ClusterIndexIT.with(SETTINGS, FULL_AS_BEFORE))) {
      upgraded.awaitReady();
      await(() -> gauge(upgraded, "infodesk_chunks_reembedding") >= 0, "the count after upgrade");
      assertThat(gauge(upgraded, "infodesk_chunks_reembedding"))
          .as("unrecorded chunks are the full model's: nothing to embed again")
          .isZero();
    }
    assertThat(Files.readString(MicroServer.log(data)))
        .contains("chunks from before V19")
        .doesNotContain("Re-embedded");

    MicroServer.deleteTree(data.resolve("index"));
    try (MicroServer quantized =
        MicroServer.start(
            data, ClusterIndexIT.with(SETTINGS, "infodesk.embedding.model=all-minilm-l6-v2-q"))) {
      quantized.awaitReady();
      assertThat(quantized.get("/health/ready", null).body())
          .contains("all-minilm-l6-v2-q")
          .as("ready only once the index is rebuilt")
          .containsPattern("\"search-index\".{0,40}\"chunks\":\"?" + chunks + "\\b");
      await(
          () -> gauge(quantized, "infodesk_chunks_reembedding") == 0, "every chunk embedded again");
      Matcher done =
          Pattern.compile("Re-embedded (\\d+) chunks of (\\d+) sources")
              .matcher(Files.readString(MicroServer.log(data)));
      assertThat(done.find()).as("the log reports the re-embedding").isTrue();
      assertThat(Long.parseLong(done.group(1))).isEqualTo(chunks);
      Matcher rebuilt =
          Pattern.compile("Search index rebuilt with (\\d+) chunks")
              .matcher(Files.readString(MicroServer.log(data)));
      assertThat(rebuilt.find()).as("the index was rebuilt from the database").isTrue();
      assertThat(Long.parseLong(rebuilt.group(1))).isEqualTo(chunks);
      assertThat(gauge(quantized, "infodesk_chunks_indexed")).isEqualTo(chunks);
      String sources = quantized.get("/api/sources?max=200", ADMIN).body();
      assertThat(sources).doesNotContain("\"FAILED\"").doesNotContain("\"EMBEDDING\"");
      assertThat(firstCitedSource(quantized)).isEqualTo(citedBefore);
    }
  }

  static long firstCitedSource(MicroServer node) throws Exception {
    HttpResponse<String> r = node.post("/api/ask", EMPLOYEE, QUESTION);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      JsonObject answer = reader.readObject();
      assertThat(answer.getString("outcome")).as(r.body()).isEqualTo("ANSWERED");
      return answer
          .getJsonArray("citations")
          .getJsonObject(0)
          .getJsonNumber("sourceId")
          .longValue();
    }
  }

  /** An application gauge as the node's Prometheus text gives it. */
  static double gauge(MicroServer node, String name) throws Exception {
    String text = node.get("/metrics?scope=application", null).body();
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
    assertThat(m.find()).as("%s in %s", name, text).isTrue();
    return Double.parseDouble(m.group(2));
  }

  static void awaitIndexed(MicroServer node) throws Exception {
    Predicate<String> indexed =
        s -> s.contains("\"INDEXED\"") && !s.matches("(?s).*\"(QUEUED|PARSING|EMBEDDING)\".*");
    // as the admin: the owner sees only the sources of their domains (hr and it), which can all be
    // INDEXED while other domains' sources still wait their turn (infodesk.ingestion.concurrency)
    await(
        () -> indexed.test(node.get("/api/sources?max=200", ADMIN).body()), "the demo is indexed");
  }

  interface Check {
    boolean done() throws Exception;
  }

  static void await(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (check.done()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
