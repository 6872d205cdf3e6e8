package io.infodesk.knowledge;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.FilePart;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bulk upload is ingested a few sources at a time: while three times as many sources as the
 * node's processors (the default {@code infodesk.ingestion.concurrency}) are ingested, an owner
 * polling the list never sees more of them PARSING or EMBEDDING than that limit, the others stay
 * QUEUED, and every one ends INDEXED.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IngestionQueueIT {

  static final String OWNER = basic("owner", "demo");

  /** The server runs on this machine with the default limit: one source per processor. */
  static final int LIMIT = Runtime.getRuntime().availableProcessors();

  static final Set<String> WORKING = Set.of("PARSING", "EMBEDDING");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  @Test
  void aBulkUploadIsIngestedAtMostTheLimitAtATime() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    int count = 3 * LIMIT + 2;
    List<Long> ids = new ArrayList<>();
    List<FilePart> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(
          new FilePart("file", "rollout-" + i + ".md", guide(i).getBytes(StandardCharsets.UTF_8)));
      if (batch.size() == 10 || i == count - 1) {
        Reply r = api.multipart("/api/sources", OWNER, Map.of("domain", "it"), batch);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        r.array().getValuesAs(JsonObject.class).stream()
            .map(s -> s.getJsonNumber("id").longValue())
            .forEach(ids::add);
        batch.clear();
      }
    }

    int mostWorking = 0;
    int mostQueued = 0;
    Map<Long, String> status = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      status = statuses(api, ids);
      long working = status.values().stream().filter(WORKING::contains).count();
      long queued = status.values().stream().filter("QUEUED"::equals).count();
      assertThat(working)
          .as("sources being ingested at once (limit %d): %s", LIMIT, new TreeMap<>(status))
          .isLessThanOrEqualTo(LIMIT);
      mostWorking = Math.max(mostWorking, (int) working);
      mostQueued = Math.max(mostQueued, (int) queued);
      if (status.values().stream().allMatch(s -> s.equals("INDEXED") || s.equals("FAILED"))) {
        break;
      }
      Api.sleep(50);
    }
    assertThat(status.values()).as("every source ends INDEXED").containsOnly("INDEXED");
    assertThat(mostQueued).as("the others waited QUEUED").isGreaterThan(0);
    assertThat(mostWorking).isPositive();
  }

  /** The statuses of these sources, from one listing (one snapshot of the database). */
  static Map<Long, String> statuses(Api api, List<Long> ids) {
    Map<Long, String> out = new HashMap<>();
    for (JsonObject s :
        api.get("/api/sources?domain=it&max=200", OWNER)
            .json()
            .getJsonArray("sources")
            .getValuesAs(JsonObject.class)) {
      long id = s.getJsonNumber("id").longValue();
      if (ids.contains(id)) {
        out.put(id, s.getString("status"));
      }
    }
    assertThat(out).as("the listing holds every uploaded source").hasSize(ids.size());
    return out;
  }

  /** A rollout guide of 30 sections whose words no other document shares (nothing to reuse). */
  static String guide(int n) {
    Random random = new Random(System.nanoTime() + n);
    StringBuilder text = new StringBuilder("# Laptop rollout wave " + n + "\n\n");
    for (int section = 0; section < 30; section++) {
      text.append("## Step ").append(section).append("\n\n");
      for (int w = 0; w < 90; w++) {
        text.append(WORDS[random.nextInt(WORDS.length)])
            .append(random.nextInt(1000))
            .append(w % 15 == 14 ? ". " : " ");
      }
      text.append("\n\n");
    }
    return text.toString();
  }

  static final String[] WORDS = {
    "laptop", "dock", "badge", "vpn", "printer", "monitor", "ticket", "image", "driver", "update"
  };
}
