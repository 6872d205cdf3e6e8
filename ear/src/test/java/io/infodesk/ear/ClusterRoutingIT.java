package io.infodesk.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes on one PostgreSQL behind Debian's HAProxy, the one URL employees use: a
 * domain's exemplars changed on node A change the zero-shot routing on node B; a promotion and a
 * rollback on A reach B's routing within 10 s; and ratings sent through the load balancer while
 * node B restarts are all stored once when they were answered 2xx. Needs PostgreSQL and haproxy
 * ({@code .ci/run} installs both); skipped without them, except haproxy under CI.
 */
class ClusterRoutingIT {

  static final String SCHEMA = "cluster_it";
  static final String QUESTION = "Which VPN gateway should I use in the Lisbon office?";

  /**
   * Traffic to learn from: n in-scope questions spread over the demo's own traffic
   * (demo/traffic.txt in the EJB jar, "domain|question" a line, grouped by domain), never a
   * domain's exemplar.
   */
  static List<String> traffic(int n) throws java.io.IOException {
    try (var in = ClusterRoutingIT.class.getClassLoader().getResourceAsStream("demo/traffic.txt")) {
      assertThat(in).as("demo/traffic.txt on the test class path").isNotNull();
      List<String> all =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("oos|"))
              .map(l -> l.substring(l.indexOf('|') + 1).strip())
              .toList();
      int step = Math.max(1, all.size() / n);
      return java.util.stream.IntStream.range(0, n)
          .mapToObj(i -> all.get(Math.min(all.size() - 1, i * step)))
          .toList();
    }
  }

  /**
   * HTTP/1.1 as browsers speak it in clear text: Java's default HTTP/2 upgrade ({@code h2c}) would
   * turn HAProxy's connection into a tunnel to one node.
   */
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void routingChangesReachEveryNodeAndNoRatingIsLostThroughTheLoadBalancer() throws Exception {
    String pgUrl = PackagingSmokeIT.setting("infodesk.test.pg.url", "INFODESK_TEST_PG_URL");
    assumeTrue(
        !pgUrl.isBlank(),
        "skipped: two nodes need a shared PostgreSQL (set INFODESK_TEST_PG_URL, USER, PASSWORD)");
    Path haproxy = haproxy();
    String pgUser = PackagingSmokeIT.setting("infodesk.test.pg.user", "INFODESK_TEST_PG_USER");
    String pgPassword =
        PackagingSmokeIT.setting("infodesk.test.pg.password", "INFODESK_TEST_PG_PASSWORD");
    try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    List<String> db =
        List.of(
            "infodesk.db.url=" + url,
            "infodesk.db.datasource-class=org.postgresql.ds.PGSimpleDataSource",
            "infodesk.db.user=" + pgUser,
            "infodesk.db.password=" + pgPassword,
            "infodesk.demo=true",
            "infodesk.flywheel.schedule=off",
            "infodesk.gates.accuracy-tolerance=1",
            "infodesk.gates.max-domain-f1-drop=1",
            "infodesk.gates.p95-budget-micros=100000000");
    Path dataA = MicroServer.freshDir("routing-a");
    Path dataB = MicroServer.freshDir("routing-b");
    List<String> settingsB = ClusterIndexIT.with(db, "infodesk.node.name=node-b");
    int portB = MicroServer.freePort();
    try (MicroServer a =
        MicroServer.start(dataA, ClusterIndexIT.with(db, "infodesk.node.name=node-a"))) {
      a.awaitReady();
      MicroServer b = MicroServer.start(dataB, settingsB, portB);
      Process lb = null;
      try {
        b.awaitReady();
        domainChangesOnOneNodeRouteOnTheOther(a, b);
        promotionAndRollbackReachTheOtherNode(a, b);

        int lbPort = MicroServer.freePort();
        Path cfg = dataA.resolve("haproxy.cfg");
        Files.writeString(cfg, haproxyConfig(lbPort, a.port, portB));
        lb =
            new ProcessBuilder(haproxy.toString(), "-f", cfg.toString(), "-db")
                .redirectErrorStream(true)
                .redirectOutput(dataA.resolve("haproxy.log").toFile())
                .start();
        String front = "http://127.0.0.1:" + lbPort;
        await(() -> status(front + "/health/ready") == 200, "HAProxy forwards to the nodes");
        portalSessionsStickToTheirNode(front);

        // ratings through the load balancer while node B restarts
        MicroServer old = b;
        CompletableFuture<MicroServer> restarted =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    Thread.sleep(3000);
                    old.close();
                    MicroServer again = MicroServer.start(dataB, settingsB, portB);
                    again.awaitReady();
                    return again;
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        List<Long> rated = new ArrayList<>();
        int refused = 0;
        int sent = 0;
        while (!restarted.isDone() || sent < 20) {
          sent++;
          HttpResponse<String> asked =
              send(
                  front + "/api/ask",
                  "POST",
                  basic("employee"),
                  "{\"question\":" + Json.createValue(QUESTION + " (" + sent + ")") + "}");
          if (asked.statusCode() != 200) {
            refused++;
            continue;
          }
          long id = json(asked.body()).getJsonNumber("interactionId").longValue();
          HttpResponse<String> r =
              send(
                  front + "/api/interactions/" + id + "/feedback",
                  "POST",
                  basic("employee"),
                  "{\"rating\":\"up\"}");
          if (r.statusCode() / 100 == 2) {
            rated.add(id);
          } else {
            refused++;
          }
          if (sent > 2000) {
            break;
          }
        }
        b = restarted.get(5, TimeUnit.MINUTES);
        System.out.printf(
            "ratings through HAProxy while node B restarted: %d sent, %d answered 2xx, %d refused%n",
            sent, rated.size(), refused);
        assertThat(rated).hasSizeGreaterThan(10);
        Map<Long, Integer> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, pgUser, pgPassword);
            PreparedStatement q =
                c.prepareStatement(
                    "SELECT interaction_id, COUNT(*) FROM feedback WHERE rated_by = 'employee'"
                        + " GROUP BY interaction_id")) {
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              stored.put(rs.getLong(1), rs.getInt(2));
            }
          }
        }
        for (long id : rated) {
          assertThat(stored.get(id))
              .as("the rating of interaction %d, answered 2xx", id)
              .isEqualTo(1);
        }
      } finally {
        if (lb != null) {
          lb.destroy();
          lb.waitFor(10, TimeUnit.SECONDS);
        }
        b.close();
      }
    }
  }

  /**
   * A portal sign-in through the load balancer stays signed in on every later page, because HAProxy
   * pins the session to its node by cookie (sticky sessions, the documented choice); without that
   * cookie the other node does not know the session, which is what the stickiness is for.
   */
  void portalSessionsStickToTheirNode(String front) throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(URI.create(front + "/portal/login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    java.util.regex.Matcher state =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(form.body());
    assertThat(state.find()).as("the login form's view state").isTrue();
    String node = form.headers().firstValue("X-InfoDesk-Node").orElseThrow();
    String fields =
        String.join(
            "&",
            "login=login",
            "login%3Ausername=admin",
            "login%3Apassword=demo",
            "login%3Anext=%2Fportal%2F",
            "login%3Asubmit=",
            "jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(state.group(1), StandardCharsets.UTF_8));
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(front + "/portal/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/portal/");
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> page =
          browser.send(
              HttpRequest.newBuilder(URI.create(front + "/portal/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as("page %d after signing in", i).isEqualTo(200);
      assertThat(page.headers().firstValue("X-InfoDesk-Node")).contains(node);
      HttpResponse<String> me =
          browser.send(
              HttpRequest.newBuilder(URI.create(front + "/api/me")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).as("GET /api/me %d: %s", i, me.body()).isEqualTo(200);
      assertThat(json(me.body()).getString("name")).isEqualTo("admin");
    }
    // the same session cookie without the node cookie: round robin reaches the other node
    String session =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("JSESSIONID"))
            .findFirst()
            .orElseThrow()
            .getValue();
    java.util.Set<String> refusedBy = new java.util.TreeSet<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> unpinned =
          http.send(
              HttpRequest.newBuilder(URI.create(front + "/api/me"))
                  .header("Cookie", "JSESSIONID=" + session)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (unpinned.statusCode() == 401) {
        refusedBy.add(unpinned.headers().firstValue("X-InfoDesk-Node").orElse("?"));
      }
    }
    assertThat(refusedBy)
        .as("sessions are not replicated: the other node does not know this one")
        .containsExactly(node.equals("a") ? "b" : "a");
  }

  /** Exemplars saved on A; B's zero-shot router follows (it was only A's before: the bug). */
  void domainChangesOnOneNodeRouteOnTheOther(MicroServer a, MicroServer b) throws Exception {
    assertThat(domainOf(b.post("/api/ask", basic("employee"), ask(QUESTION)).body()))
        .isEqualTo("it");
    JsonObject finance = json(a.get("/api/domains/finance", basic("admin")).body());
    JsonArray before = finance.getJsonArray("exemplars");
    String lisbon =
        "{\"exemplars\":[\"Which VPN gateway should I use in the Lisbon office?\","
            + "\"VPN gateway for the Lisbon office\",\"Lisbon office VPN gateway to use\"]}";
    HttpResponse<String> changed = a.put("/api/domains/finance", basic("admin"), lisbon);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(domainOf(a.post("/api/ask", basic("employee"), ask(QUESTION)).body()))
        .as("the node that saved routes by the new exemplars at once")
        .isEqualTo("finance");
    long saved = System.nanoTime();
    await(
        () ->
            "finance".equals(domainOf(b.post("/api/ask", basic("employee"), ask(QUESTION)).body())),
        "node B routes by the exemplars saved on node A");
    assertThat(Duration.ofNanos(System.nanoTime() - saved)).isLessThan(Duration.ofSeconds(10));

    StringBuilder restore = new StringBuilder("{\"exemplars\":[");
    for (int i = 0; i < before.size(); i++) {
      restore.append(i == 0 ? "" : ",").append(Json.createValue(before.getString(i)));
    }
    restore.append("]}");
    assertThat(a.put("/api/domains/finance", basic("admin"), restore.toString()).statusCode())
        .isEqualTo(200);
    await(
        () -> "it".equals(domainOf(b.post("/api/ask", basic("employee"), ask(QUESTION)).body())),
        "node B routes by the restored exemplars");
  }

  /** A student promoted on A routes B's questions within 10 s, and so does the rollback. */
  void promotionAndRollbackReachTheOtherNode(MicroServer a, MicroServer b) throws Exception {
    // traffic to learn from: distinct questions about the demo knowledge base, rated up
    for (String q : traffic(28)) {
      HttpResponse<String> asked = a.post("/api/ask", basic("employee"), ask(q));
      long id = json(asked.body()).getJsonNumber("interactionId").longValue();
      a.post("/api/interactions/" + id + "/feedback", basic("employee"), "{\"rating\":\"up\"}");
    }
    HttpResponse<String> started = a.post("/api/models/training", basic("admin"), "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String job = "/api/flywheel/cycles/" + json(started.body()).getJsonNumber("id");
    await(
        () -> !json(a.get(job, basic("admin")).body()).getString("status").equals("RUNNING"),
        "training ends",
        Duration.ofMinutes(4));
    JsonObject done = json(a.get(job, basic("admin")).body());
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
    JsonObject candidate = null;
    for (var m :
        Json.createReader(new StringReader(a.get("/api/models", basic("admin")).body()))
            .readArray()) {
      if (m.asJsonObject().getString("status").equals("CANDIDATE")) {
        candidate = m.asJsonObject();
        break;
      }
    }
    assertThat(candidate).as("training registered a candidate").isNotNull();
    String version = candidate.getString("version");
    String teacher = routerOf(b.post("/api/ask", basic("employee"), ask(QUESTION)).body());
    HttpResponse<String> promoted =
        a.post("/api/models/" + candidate.getJsonNumber("id") + "/promotion", basic("admin"), "");
    assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
    long at = System.nanoTime();
    await(
        () -> version.equals(routerOf(b.post("/api/ask", basic("employee"), ask(QUESTION)).body())),
        "node B routes with " + version);
    assertThat(Duration.ofNanos(System.nanoTime() - at)).isLessThan(Duration.ofSeconds(10));

    assertThat(a.post("/api/models/rollback", basic("admin"), "").statusCode()).isEqualTo(200);
    at = System.nanoTime();
    await(
        () -> teacher.equals(routerOf(b.post("/api/ask", basic("employee"), ask(QUESTION)).body())),
        "node B routes with the teacher again");
    assertThat(Duration.ofNanos(System.nanoTime() - at)).isLessThan(Duration.ofSeconds(10));
  }

  /**
   * Round robin over both nodes, each checked by readiness every second; a request whose node went
   * away is re-sent to the other (retries with redispatch), and portal sessions stick to their node
   * by cookie. Every answer names the node that gave it ({@code X-InfoDesk-Node}).
   */
  static String haproxyConfig(int port, int a, int b) {
    return String.join(
        "\n",
        "global",
        "  maxconn 512",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 120s",
        "  timeout server 120s",
        "  retries 3",
        "  option redispatch",
        "  retry-on conn-failure",
        "frontend infodesk",
        "  bind 127.0.0.1:" + port,
        "  default_backend nodes",
        "backend nodes",
        "  balance roundrobin",
        "  cookie INFODESK_NODE insert indirect nocache httponly",
        "  option httpchk GET /health/ready",
        "  http-check expect status 200",
        "  default-server inter 1s fall 2 rise 2",
        "  http-response set-header X-InfoDesk-Node %s",
        "  server a 127.0.0.1:" + a + " check cookie a",
        "  server b 127.0.0.1:" + b + " check cookie b",
        "");
  }

  static Path haproxy() {
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
      Path p = Path.of(dir, "haproxy");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    if (System.getenv("CI") != null) {
      throw new AssertionError("haproxy is not installed; .ci/run installs Debian's haproxy");
    }
    assumeTrue(false, "skipped: haproxy is not installed (apt-get install haproxy)");
    return null;
  }

  static String ask(String question) {
    return "{\"question\":" + Json.createValue(question) + "}";
  }

  static JsonObject json(String body) {
    try (var r = Json.createReader(new StringReader(body))) {
      return r.readObject();
    }
  }

  static String domainOf(String answer) {
    JsonObject o = json(answer);
    return o.isNull("domain") ? null : o.getString("domain", null);
  }

  static String routerOf(String answer) {
    return json(answer).get("routerVersion") instanceof JsonString s ? s.getString() : null;
  }

  int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return 0;
    }
  }

  HttpResponse<String> send(String url, String method, String authorization, String json)
      throws InterruptedException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      // a connection the load balancer dropped: not answered, so not counted
      return new FailedResponse(url);
    }
  }

  interface Check {
    boolean holds() throws Exception;
  }

  static void await(Check check, String what) throws Exception {
    await(check, what, Duration.ofSeconds(30));
  }

  static void await(Check check, String what, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (RuntimeException | java.io.IOException e) {
        // not yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting until " + what);
  }

  /** What a request that got no HTTP answer at all counts as. */
  record FailedResponse(String url) implements HttpResponse<String> {
    public int statusCode() {
      return 0;
    }

    public HttpRequest request() {
      return HttpRequest.newBuilder(URI.create(url)).build();
    }

    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    public java.net.http.HttpHeaders headers() {
      return java.net.http.HttpHeaders.of(Map.of(), (x, y) -> true);
    }

    public String body() {
      return "";
    }

    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    public URI uri() {
      return URI.create(url);
    }

    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
