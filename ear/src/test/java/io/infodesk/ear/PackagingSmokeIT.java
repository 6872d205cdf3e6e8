package io.infodesk.ear;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Both packagings, started the way operators start them: the WAR with {@code java -jar
 * payara-micro.jar}, the EAR deployed with asadmin on a Payara Server domain unpacked from Maven
 * Central. Each must answer a REST call, render a portal page for a signed-in user, and fire its
 * heartbeat timer. Everything binds to 127.0.0.1.
 */
class PackagingSmokeIT {

  static final String ADMIN =
      "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theWarRunsOnPayaraMicro() throws Exception {
    Path data = MicroServer.freshDir("micro-data");
    // An LLM endpoint that speaks the OpenAI protocol: the WAR routes and answers through it.
    WireMockServer llm =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    llm.start();
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
            .willReturn(chat("{\"domain\": \"hr\", \"confidence\": 0.93}")));
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(notContaining("response_format"))
            .willReturn(
                chat(
                    "Birthing parents receive 20 weeks of parental leave at 100% of base pay [1].")));
    List<String> settings = new ArrayList<>();
    settings.addAll(
        List.of(
            "infodesk.demo=true",
            "infodesk.llm.base-url=" + llm.baseUrl() + "/v1",
            "infodesk.llm.model=mock-model",
            // one question at a time: a question waiting on the LLM must give its turn back
            "infodesk.ask.concurrency=1"));
    // With a PostgreSQL given (.ci/run gives one), the WAR runs on it, as in production.
    String pgUrl = setting("infodesk.test.pg.url", "INFODESK_TEST_PG_URL");
    if (!pgUrl.isBlank()) {
      settings.addAll(
          List.of(
              "infodesk.db.url=" + pgUrl,
              "infodesk.db.datasource-class=org.postgresql.ds.PGSimpleDataSource",
              "infodesk.db.user=" + setting("infodesk.test.pg.user", "INFODESK_TEST_PG_USER"),
              "infodesk.db.password="
                  + setting("infodesk.test.pg.password", "INFODESK_TEST_PG_PASSWORD")));
    }
    MicroServer micro = MicroServer.start(data, settings);
    try {
      checkServer(micro.base, MicroServer.log(data));
      checkLlmAnswers(micro.base);
      checkTurnGivenBackDuringLlmCalls(micro.base, llm);
      if (!pgUrl.isBlank()) {
        assertThat(get(micro.base + "/health/ready", null).body())
            .as("the WAR runs on PostgreSQL")
            .contains("PostgreSQL");
      }
    } finally {
      llm.stop();
      micro.close();
    }
  }

  @Test
  void theEarRunsOnPayaraServer() throws Exception {
    Path home = Path.of(MicroServer.property("payara.home"));
    Path data = MicroServer.freshDir("ear-data");
    String domain = "infodesk-it";
    int portBase = 28000;
    Path domains = home.resolve("glassfish/domains");
    MicroServer.deleteTree(domains.resolve(domain));

    asadmin(
        home, "create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase), domain);
    bindToLoopback(domains.resolve(domain).resolve("config/domain.xml"));
    String admin = String.valueOf(portBase + 48);
    asadmin(home, "start-domain", domain);
    try {
      asadmin(home, "--port", admin, "delete-jvm-options", "-Xmx512m");
      asadmin(
          home,
          "--port",
          admin,
          "create-jvm-options",
          String.join(
              ":",
              "-Xmx1500m",
              "-Duser.timezone=UTC",
              "-Dai.djl.offline=true",
              "-DDJL_CACHE_DIR=" + data.resolve("djl"),
              "-Dinfodesk.data.dir=" + data,
              "-Dinfodesk.demo=true"));
      List<String> addLibrary =
          new ArrayList<>(List.of("--port", admin, "add-library", "--type", "common"));
      try (Stream<Path> jars = Files.list(Path.of(MicroServer.property("server.libs.dir")))) {
        jars.filter(j -> j.toString().endsWith(".jar"))
            .sorted()
            .forEach(j -> addLibrary.add(j.toString()));
      }
      asadmin(home, addLibrary.toArray(String[]::new));
      asadmin(home, "restart-domain", domain);
      asadmin(
          home,
          "--port",
          admin,
          "deploy",
          "--name",
          "infodesk",
          MicroServer.property("infodesk.ear"));
      checkServer(
          "http://127.0.0.1:" + (portBase + 80),
          domains.resolve(domain).resolve("logs/server.log"));
    } finally {
      asadmin(home, "stop-domain", domain);
    }
  }

  /** The three things each packaging must do: REST, a portal page, a timer. */
  private void checkServer(String base, Path log) throws Exception {
    awaitReady(base, log);

    HttpResponse<String> me = get(base + "/api/me", ADMIN);
    assertThat(me.statusCode()).as("REST call").isEqualTo(200);
    assertThat(me.body()).contains("\"name\":\"admin\"", "admin");
    assertThat(get(base + "/api/me", null).statusCode()).isEqualTo(401);

    HttpResponse<String> portal = get(base + "/portal/", ADMIN);
    assertThat(portal.statusCode()).as("portal page").isEqualTo(200);
    assertThat(portal.body()).contains("Welcome, Ada Admin", "Administration");
    HttpResponse<String> anonymous = get(base + "/portal/", null);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse(""))
        .contains("/portal/login.xhtml");

    long first = heartbeats(base);
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (heartbeats(base) <= first && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    assertThat(heartbeats(base)).as("the heartbeat timer fires").isGreaterThan(first);
  }

  /** With the endpoint set, the LLM routes and writes a grounded, cited answer. */
  private void checkLlmAnswers(String base) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!get(base + "/api/sources?domain=hr&status=INDEXED", ADMIN)
            .body()
            .contains("Parental leave")
        && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"question\":\"How long is parental leave for birthing parents?\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .contains(
            "\"routerVersion\":\"llm-mock-model\"",
            "\"answerMode\":\"GENERATED\"",
            "20 weeks",
            "Parental leave");
  }

  /**
   * With one question at a time, two questions whose LLM answers take 3 s each are both at the LLM
   * at once: a question gives its turn back while it waits on the endpoint. Without that, the
   * second would reach the LLM only after the first one's answer came back, 3 s later.
   */
  private void checkTurnGivenBackDuringLlmCalls(String base, WireMockServer llm) throws Exception {
    int delayMillis = 3000;
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Slow check"))
            .withRequestBody(notContaining("response_format"))
            .willReturn(
                chat("Birthing parents receive 20 weeks of parental leave [1].")
                    .withFixedDelay(delayMillis)));
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (String n : List.of("one", "two")) {
      answers.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                  .header("Authorization", ADMIN)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"question\":\"Slow check "
                              + n
                              + ": how long is parental leave for birthing parents?\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> a : answers) {
      HttpResponse<String> r = a.get(2, TimeUnit.MINUTES);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"answerMode\":\"GENERATED\"");
    }
    List<Long> arrivals =
        llm
            .findAll(
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                    .withRequestBody(containing("Slow check"))
                    .withRequestBody(notContaining("response_format")))
            .stream()
            .map(r -> r.getLoggedDate().getTime())
            .sorted()
            .toList();
    assertThat(arrivals).hasSize(2);
    assertThat(arrivals.get(1) - arrivals.get(0))
        .as("the second question reached the LLM while the first one waited for its answer")
        .isLessThan(delayMillis);
  }

  private static ResponseDefinitionBuilder chat(String content) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + content.replace("\"", "\\\"")
                + "\"},\"finish_reason\":\"stop\"}]}");
  }

  private long heartbeats(String base) throws Exception {
    HttpResponse<String> nodes = get(base + "/api/platform/nodes", ADMIN);
    assertThat(nodes.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("\"heartbeats\":(\\d+)").matcher(nodes.body());
    long max = -1;
    while (m.find()) {
      max = Math.max(max, Long.parseLong(m.group(1)));
    }
    return max;
  }

  private void awaitReady(String base, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = get(base + "/health/ready", null);
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200 && r.body().contains("minilm-embeddings")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("Not ready: " + last + "\n" + MicroServer.tail(log));
  }

  private HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void asadmin(Path home, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new AssertionError("asadmin " + String.join(" ", args) + " failed:\n" + output);
    }
  }

  /** Every listener of the new domain, Hazelcast included, on 127.0.0.1 only. */
  private static void bindToLoopback(Path domainXml) throws IOException {
    String xml = Files.readString(domainXml);
    xml = xml.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"");
    xml =
        xml.replaceAll(
            "<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ");
    xml =
        xml.replace(
            "<hazelcast-runtime-configuration ",
            "<hazelcast-runtime-configuration das-bind-address=\"127.0.0.1\" interface=\"127.0.0.1\" ");
    Files.writeString(domainXml, xml);
  }

  /** A system property if set, else the environment variable, else empty. */
  static String setting(String property, String variable) {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      value = System.getenv().getOrDefault(variable, "");
    }
    return value;
  }
}
