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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An INDEXED source stays searchable: employees keep asking about freshly uploaded documents across
 * several index-sync periods (every 10 s) and while one of them is re-indexed; every answer must
 * cite the document asked about. A retired source is never cited once its retirement returns.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchStabilityIT {

  static final String OWNER = basic("owner", "demo");
  static final String EMPLOYEE = basic("employee", "demo");
  static final List<String> CITIES = List.of("Auckland", "Nairobi", "Reykjavik");
  static final Duration ASKING = Duration.ofSeconds(35);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  record Doc(String city, String gateway, long id) {
    String question() {
      return "Which VPN gateway should I use in the " + city + " office?";
    }
  }

  @Test
  void indexedSourcesNeverVanishAcrossSyncsAndReindexAndRetiredOnesNeverReturn() throws Exception {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    List<Doc> docs = new ArrayList<>();
    for (String city : CITIES) {
      String gateway = "vpn-" + city.toLowerCase() + (System.nanoTime() % 10000);
      String text =
          "# "
              + city
              + " office network guide\n\n## VPN gateway\n\nEmployees in the "
              + city
              + " office connect the GlobalConnect VPN client to the gateway "
              + gateway
              + ".kestrel.example, which is closest to "
              + city
              + ". The "
              + city
              + " VPN gateway supports 400 concurrent users.\n\n## Printers\n\nThe "
              + city
              + " printers are on the second floor.\n";
      Reply uploaded = api.upload(OWNER, "it", city.toLowerCase() + "-network.md", text);
      assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
      docs.add(new Doc(city, gateway, uploaded.array().getJsonObject(0).getInt("id")));
    }
    for (Doc d : docs) {
      assertThat(awaitIndexed(api, d.id())).isEqualTo("INDEXED");
      chunksOf(api, d);
      assertThat(cites(api, d)).as("%s is cited right after INDEXED", d.city()).isTrue();
    }

    // Keep asking across more than three sync periods; re-index the first document meanwhile.
    AtomicInteger asked = new AtomicInteger();
    ConcurrentLinkedQueue<String> misses = new ConcurrentLinkedQueue<>();
    long until = System.nanoTime() + ASKING.toNanos();
    ExecutorService askers = Executors.newFixedThreadPool(3);
    for (int t = 0; t < 3; t++) {
      int first = t;
      askers.submit(
          () -> {
            Api own = new Api(base.toString());
            for (int i = first; System.nanoTime() < until; i++) {
              Doc d = docs.get(i % docs.size());
              asked.incrementAndGet();
              String miss = miss(own, d);
              if (miss != null) {
                misses.add(d.city() + " at " + System.currentTimeMillis() + ": " + miss);
              }
            }
          });
    }
    Api.sleep(12_000);
    Doc reindexed = docs.get(0);
    long reindexAt = System.currentTimeMillis();
    assertThat(api.post("/api/sources/" + reindexed.id() + "/reindex", OWNER, "").status())
        .isEqualTo(202);
    assertThat(awaitIndexed(api, reindexed.id())).isEqualTo("INDEXED");
    chunksOf(api, reindexed);
    long reindexedAt = System.currentTimeMillis();
    askers.shutdown();
    assertThat(askers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    assertThat(misses)
        .as(
            "searches that missed an INDEXED source, of %d asked (%s re-indexed from %d to %d;"
                + " %d answers found it but cited other passages)",
            asked.get(), reindexed.city(), reindexAt, reindexedAt, ANSWERED_ELSEWHERE.get())
        .isEmpty();
    assertThat(asked.get()).as("the askers really asked").isGreaterThan(30);

    // Once retirement returns, the retired source is never cited again.
    Doc retired = docs.get(1);
    assertThat(
            api.post("/api/sources/" + retired.id() + "/retire", OWNER, "")
                .json()
                .getString("status"))
        .isEqualTo("RETIRED");
    long retiredUntil = System.nanoTime() + Duration.ofSeconds(12).toNanos();
    int checks = 0;
    while (System.nanoTime() < retiredUntil) {
      assertThat(cites(api, retired)).as("a retired source is cited").isFalse();
      checks++;
    }
    assertThat(checks).isGreaterThan(5);
    assertThat(cites(api, docs.get(2))).isTrue();
  }

  static boolean cites(Api api, Doc d) {
    return miss(api, d) == null;
  }

  /**
   * Null when search found the document: the answer cites it, or (when the extractive answer chose
   * its sentences elsewhere) the retrieved passages include one of its chunks, old or new. Else
   * what the answer was.
   */
  static String miss(Api api, Doc d) {
    Reply r =
        api.post("/api/ask", EMPLOYEE, "{\"question\":" + Json.createValue(d.question()) + "}");
    if (r.status() != 200) {
      throw new AssertionError("ask failed: " + r.body());
    }
    JsonObject answer = r.json();
    List<Long> cited =
        answer.getJsonArray("citations").getValuesAs(JsonObject.class).stream()
            .map(c -> c.getJsonNumber("sourceId").longValue())
            .toList();
    if (cited.contains(d.id())) {
      return null;
    }
    chunksOf(api, d);
    JsonObject logged =
        api.get("/api/interactions/" + answer.getJsonNumber("interactionId"), EMPLOYEE).json();
    List<Long> retrieved =
        logged.getJsonArray("retrieved").getValuesAs(JsonObject.class).stream()
            .map(p -> p.getJsonNumber("chunkId").longValue())
            .toList();
    if (retrieved.stream().anyMatch(CHUNKS.getOrDefault(d.id(), Set.of())::contains)) {
      ANSWERED_ELSEWHERE.incrementAndGet();
      return null;
    }
    return answer.getString("outcome", "?")
        + " in "
        + answer.getString("domain", "?")
        + " citing sources "
        + cited
        + ", retrieved chunks "
        + retrieved;
  }

  /** Every chunk id each document has had: before, during and after its re-index. */
  static final Map<Long, Set<Long>> CHUNKS = new ConcurrentHashMap<>();

  /** Answers whose search found the document but whose extract cited other passages. */
  static final AtomicInteger ANSWERED_ELSEWHERE = new AtomicInteger();

  static void chunksOf(Api api, Doc d) {
    for (JsonObject c :
        api.get("/api/sources/" + d.id() + "/chunks", OWNER)
            .array()
            .getValuesAs(JsonObject.class)) {
      CHUNKS
          .computeIfAbsent(d.id(), k -> ConcurrentHashMap.newKeySet())
          .add(c.getJsonNumber("id").longValue());
    }
  }

  static String awaitIndexed(Api api, long id) {
    return api.awaitSource(id, OWNER, Duration.ofMinutes(2));
  }
}
