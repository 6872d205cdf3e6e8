package io.infodesk.retrieval;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A knowledge owner re-tunes a domain's hybrid-search weights from labelled questions on a real
 * Payara Micro: the weights found are stored on the domain, answers keep coming, and bad requests,
 * employees and owners of other domains change nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FusionTuningIT {

  static final String OWNER = basic("owner", "demo");
  static final String EMPLOYEE = basic("employee", "demo");
  static final String ADMIN = basic("admin", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  /** The demo's indexed sources of a domain, by title. */
  Map<String, Long> sources(Api api, String domain) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Map<String, Long> byTitle = Map.of();
    while (System.nanoTime() < deadline) {
      byTitle =
          api
              .get("/api/sources?status=INDEXED&max=200&domain=" + domain, ADMIN)
              .json()
              .getJsonArray("sources")
              .getValuesAs(JsonObject.class)
              .stream()
              .collect(
                  Collectors.toMap(
                      s -> s.getString("title"),
                      s -> s.getJsonNumber("id").longValue(),
                      (a, b) -> a));
      if (byTitle.size() >= 3) {
        return byTitle;
      }
      Api.sleep(1000);
    }
    throw new AssertionError("the demo's " + domain + " sources were not indexed: " + byTitle);
  }

  static long titled(Map<String, Long> sources, String word) {
    return sources.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase().contains(word))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no source titled with " + word + ": " + sources));
  }

  static String labelled(List<Object[]> questions) {
    return questions.stream()
        .map(q -> "{\"question\":\"" + q[0] + "\",\"sourceId\":" + q[1] + "}")
        .collect(Collectors.joining(",", "{\"questions\":[", "]}"));
  }

  @Test
  void anOwnerTunesTheWeightsOfTheirDomain() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    Map<String, Long> hr = sources(api, "hr");
    long leave = titled(hr, "parental");
    long pto = titled(hr, "paid time off");
    long insurance = titled(hr, "health");
    String body =
        labelled(
            List.of(
                new Object[] {"How many weeks of parental leave do birthing parents get?", leave},
                new Object[] {"Can I carry over unused PTO days into next year?", pto},
                new Object[] {"How many vacation days do I accrue in my first year?", pto},
                new Object[] {"When can I enrol in the health insurance plan?", insurance}));
    JsonObject before = api.get("/api/domains/hr", ADMIN).json();

    // refused, and nothing changes
    Map<String, Reply> refused =
        Map.of(
            "employee", api.post("/api/domains/hr/tuning", EMPLOYEE, body),
            "another domain's owner", api.post("/api/domains/finance/tuning", OWNER, body),
            "no body", api.post("/api/domains/hr/tuning", OWNER, ""),
            "two questions",
                api.post(
                    "/api/domains/hr/tuning",
                    OWNER,
                    labelled(
                        List.of(
                            new Object[] {"Parental leave?", leave},
                            new Object[] {"PTO carry-over?", pto}))),
            "a source of another domain", api.post("/api/domains/it/tuning", OWNER, body),
            "a field it does not take",
                api.post(
                    "/api/domains/hr/tuning",
                    OWNER,
                    body.replace("{\"questions\"", "{\"k\":1,\"questions\"")));
    assertThat(refused.get("employee").status()).isEqualTo(403);
    assertThat(refused.get("another domain's owner").status()).isEqualTo(403);
    for (String bad :
        List.of(
            "no body", "two questions", "a source of another domain", "a field it does not take")) {
      Reply r = refused.get(bad);
      assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
      assertThat(r.isProblem()).as(bad).isTrue();
    }
    assertThat(api.get("/api/domains/hr", ADMIN).json()).as("nothing changed").isEqualTo(before);

    Reply tuned = api.post("/api/domains/hr/tuning", OWNER, body);
    assertThat(tuned.status()).as(tuned.body()).isEqualTo(200);
    JsonObject w = tuned.json();
    double keyword = w.getJsonNumber("keyword").doubleValue();
    double vector = w.getJsonNumber("vector").doubleValue();
    assertThat(w.getJsonNumber("mrr").doubleValue())
        .as("the tuned weights rank the labelled sources at least as well as either ranking alone")
        .isBetween(0.0, 1.0)
        .isGreaterThanOrEqualTo(w.getJsonNumber("keywordOnlyMrr").doubleValue() - 1e-9)
        .isGreaterThanOrEqualTo(w.getJsonNumber("vectorOnlyMrr").doubleValue() - 1e-9);

    JsonObject after = api.get("/api/domains/hr", ADMIN).json();
    assertThat(after.getJsonNumber("keywordWeight").doubleValue()).isEqualTo(keyword);
    assertThat(after.getJsonNumber("vectorWeight").doubleValue()).isEqualTo(vector);

    // the ask path reads the changed domain and still answers from its sources
    Reply answer =
        api.post(
            "/api/ask",
            EMPLOYEE,
            "{\"question\":\"How many weeks of parental leave do birthing parents get?\"}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getString("domain")).isEqualTo("hr");
    assertThat(answer.body()).contains("\"sourceId\":" + leave);

    // the owner undoes the tuning; employees and other domains' owners cannot
    JsonObject tunedDomain = api.get("/api/domains/hr", ADMIN).json();
    assertThat(api.delete("/api/domains/hr/tuning", EMPLOYEE).status()).isEqualTo(403);
    assertThat(api.delete("/api/domains/finance/tuning", OWNER).status()).isEqualTo(403);
    Reply unknown = api.delete("/api/domains/no-such-domain/tuning", ADMIN);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(api.get("/api/domains/hr", ADMIN).json())
        .as("nothing changed")
        .isEqualTo(tunedDomain);
    Reply reset = api.delete("/api/domains/hr/tuning", OWNER);
    assertThat(reset.status()).as(reset.body()).isEqualTo(204);
    JsonObject back = api.get("/api/domains/hr", ADMIN).json();
    assertThat(back.getJsonNumber("keywordWeight").doubleValue()).isEqualTo(1.0);
    assertThat(back.getJsonNumber("vectorWeight").doubleValue()).isEqualTo(1.0);
    assertThat(api.get("/api/audit?max=20", ADMIN).body()).contains("DOMAIN_FUSION_RESET");
  }
}
