package io.infodesk.security;

import static io.infodesk.support.Api.basic;
import static io.infodesk.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation on a real Payara Micro: who may call what, with Basic, bearer tokens and no
 * credentials; admin user management and its bad input; health, metrics and OpenAPI.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSecurityIT {

  static final String ADMIN = basic("admin", "demo");
  static final String EMPLOYEE = basic("employee", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void connect() {
    api = new Api(base.toString());
  }

  @Test
  void healthIsUpOnceTheModelsHaveLoaded() {
    Reply ready = api.awaitReady(Duration.ofMinutes(3));
    assertThat(ready.body())
        .contains("database", "migrations", "pytorch-engine", "minilm-embeddings");
    Reply health = api.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void meAnswersForEachDemoRole() {
    record Expect(String user, List<String> roles, List<String> domains) {}
    for (Expect e :
        List.of(
            new Expect("employee", List.of("employee"), List.of()),
            new Expect("owner", List.of("employee", "knowledge-owner"), List.of("hr", "it")),
            new Expect("sme", List.of("employee", "sme"), List.of("hr", "it")),
            new Expect("admin", List.of("employee", "admin"), List.of()))) {
      Reply me = api.get("/api/me", basic(e.user(), "demo"));
      assertThat(me.status()).as(e.user()).isEqualTo(200);
      JsonObject json = me.json();
      assertThat(json.getString("name")).isEqualTo(e.user());
      assertThat(json.getJsonArray("roles").getValuesAs(v -> v.toString().replace("\"", "")))
          .containsExactlyInAnyOrderElementsOf(e.roles());
      assertThat(
              json.getJsonArray("domains").getValuesAs(JsonObject.class).stream()
                  .map(d -> d.getString("key"))
                  .toList())
          .containsExactlyInAnyOrderElementsOf(e.domains());
    }
  }

  @Test
  void withoutValidCredentialsTheApiAnswers401Problems() {
    for (String auth :
        new String[] {
          null,
          basic("employee", "wrong"),
          basic("nobody", "demo"),
          "Basic !!!notbase64",
          bearer("idk_not-a-real-token"),
          "Digest username=x"
        }) {
      Reply r = api.get("/api/me", auth);
      assertThat(r.status()).as(String.valueOf(auth)).isEqualTo(401);
      assertThat(r.isProblem()).isTrue();
      assertThat(r.json().getInt("status")).isEqualTo(401);
    }
  }

  @Test
  void anEmployeeMayNotManageUsersOrReadTheAuditLog() {
    for (Reply r :
        List.of(
            api.get("/api/users", EMPLOYEE),
            api.get("/api/audit", EMPLOYEE),
            api.get("/api/platform/nodes", EMPLOYEE),
            api.post(
                "/api/users",
                EMPLOYEE,
                "{\"username\":\"sneaky\",\"password\":\"long-enough-pass\",\"roles\":[\"admin\"]}"))) {
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.isProblem()).isTrue();
    }
    assertThat(api.get("/api/me", basic("sneaky", "long-enough-pass")).status()).isEqualTo(401);
  }

  @Test
  void anAdminCreatesAnOwnerWhoSeesTheirDomains() {
    String name = "owner" + System.nanoTime() % 1_000_000;
    Reply created =
        api.post(
            "/api/users",
            ADMIN,
            "{\"username\":\""
                + name
                + "\",\"displayName\":\"New Owner\",\"password\":\"correct horse battery\","
                + "\"roles\":[\"employee\",\"knowledge-owner\"],\"domains\":[\"finance\"]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("password", "PBKDF2");

    Reply me = api.get("/api/me", basic(name, "correct horse battery"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getJsonArray("domains").getJsonObject(0).getString("key"))
        .isEqualTo("finance");

    Reply reassigned =
        api.put("/api/users/" + name + "/domains", ADMIN, "{\"domains\":[\"hr\",\"product\"]}");
    assertThat(reassigned.status()).isEqualTo(200);
    assertThat(api.get("/api/me", basic(name, "correct horse battery")).body())
        .contains("\"hr\"", "\"product\"")
        .doesNotContain("\"finance\"");

    Reply audit = api.get("/api/audit?max=20", ADMIN);
    assertThat(audit.status()).isEqualTo(200);
    assertThat(audit.body()).contains("USER_CREATED", "USER_DOMAINS_ASSIGNED", name);
  }

  @Test
  void badUserInputIsRefusedAndChangesNothing() {
    int before = api.get("/api/users", ADMIN).array().size();
    String[] bodies = {
      "",
      "not json",
      "[]",
      "{\"username\":\"x\",\"password\":\"correct horse battery\",\"roles\":[\"employee\"]}",
      "{\"username\":\"valid.name\",\"password\":\"short\",\"roles\":[\"employee\"]}",
      "{\"username\":\"valid.name\",\"password\":\"correct horse battery\",\"roles\":[]}",
      "{\"username\":\"valid.name\",\"password\":\"correct horse battery\",\"roles\":[\"root\"]}",
      "{\"username\":\"valid.name\",\"password\":\"correct horse battery\",\"roles\":[\"sme\"],"
          + "\"domains\":[\"atlantis\"]}",
      "{\"username\":\"valid.name\",\"password\":12,\"roles\":\"sme\"}",
      "{\"username\":\""
          + "a".repeat(300)
          + "\",\"password\":\"correct horse battery\",\"roles\":[\"sme\"]}"
    };
    for (String body : bodies) {
      Reply r = api.post("/api/users", ADMIN, body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.isProblem()).as(body).isTrue();
      assertThat(r.json().getString("detail")).as(body).isNotBlank();
    }
    Reply duplicate =
        api.post(
            "/api/users",
            ADMIN,
            "{\"username\":\"employee\",\"password\":\"correct horse battery\",\"roles\":[\"sme\"]}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.isProblem()).isTrue();

    assertThat(api.put("/api/users/nobody-here/domains", ADMIN, "{\"domains\":[]}").status())
        .isEqualTo(404);
    assertThat(api.put("/api/users/employee/domains", ADMIN, "{}").status()).isEqualTo(400);
    assertThat(api.get("/api/audit?max=abc", ADMIN).status()).isEqualTo(400);
    assertThat(api.get("/api/audit?max=100000", ADMIN).status()).isEqualTo(400);
    assertThat(api.get("/api/users", ADMIN).array()).hasSize(before);
    assertThat(api.get("/api/me", basic("valid.name", "correct horse battery")).status())
        .isEqualTo(401);
  }

  @Test
  void bearerTokensWorkUntilRevoked() {
    Reply issued = api.post("/api/me/tokens", EMPLOYEE, "{\"label\":\"cli\",\"validDays\":7}");
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.json().getString("token");
    long id = issued.json().getJsonNumber("id").longValue();

    Reply me = api.get("/api/me", bearer(token));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("name")).isEqualTo("employee");
    assertThat(api.get("/api/me/tokens", EMPLOYEE).body()).contains("cli").doesNotContain(token);

    assertThat(api.delete("/api/me/tokens/" + id, basic("sme", "demo")).status())
        .as("someone else's token")
        .isEqualTo(404);
    assertThat(api.get("/api/me", bearer(token)).status()).isEqualTo(200);

    assertThat(api.delete("/api/me/tokens/" + id, EMPLOYEE).status()).isEqualTo(204);
    assertThat(api.get("/api/me", bearer(token)).status()).isEqualTo(401);
  }

  @Test
  void badTokenRequestsAreRefused() {
    assertThat(api.post("/api/me/tokens", EMPLOYEE, "{}").status()).isEqualTo(400);
    assertThat(api.post("/api/me/tokens", EMPLOYEE, "{\"label\":\"\"}").status()).isEqualTo(400);
    assertThat(api.post("/api/me/tokens", EMPLOYEE, "{\"label\":\"x\",\"validDays\":0}").status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/me/tokens", EMPLOYEE, "{\"label\":\"x\",\"validDays\":\"soon\"}")
                .status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/me/tokens", EMPLOYEE, "{\"label\":\"" + "x".repeat(101) + "\"}")
                .status())
        .isEqualTo(400);
    assertThat(api.delete("/api/me/tokens/abc", EMPLOYEE).status()).isEqualTo(400);
    assertThat(api.delete("/api/me/tokens/987654321", EMPLOYEE).status()).isEqualTo(404);
    assertThat(api.get("/api/no-such-thing", EMPLOYEE).isProblem()).isTrue();
  }

  @Test
  void theHeartbeatTimerFiresAndAdminsSeeTheNode() {
    // the IT servers share one database, so earlier (stopped) nodes are listed too: some node's
    // own count must rise, not the highest count of all
    Map<String, Long> first = heartbeats();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!anyRose(first, heartbeats()) && System.nanoTime() < deadline) {
      Api.sleep(1000);
    }
    assertThat(anyRose(first, heartbeats())).as("a node's heartbeats rose from %s", first).isTrue();
  }

  private static boolean anyRose(Map<String, Long> before, Map<String, Long> now) {
    return now.entrySet().stream()
        .anyMatch(e -> e.getValue() > before.getOrDefault(e.getKey(), Long.MAX_VALUE));
  }

  private Map<String, Long> heartbeats() {
    Reply nodes = api.get("/api/platform/nodes", ADMIN);
    assertThat(nodes.status()).isEqualTo(200);
    Map<String, Long> counts = new java.util.HashMap<>();
    nodes
        .array()
        .getValuesAs(JsonObject.class)
        .forEach(n -> counts.put(n.getString("name"), n.getJsonNumber("heartbeats").longValue()));
    return counts;
  }

  @Test
  void operationsEndpointsAnswer() {
    Reply openapi = api.get("/openapi", null);
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/me", "/api/users", "InfoDesk API");
    Reply metrics = api.get("/metrics", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
    Reply domains = api.get("/api/domains", EMPLOYEE);
    assertThat(domains.status()).isEqualTo(200);
    assertThat(domains.body()).contains("\"hr\"", "\"it\"", "\"finance\"", "\"product\"");
  }
}
