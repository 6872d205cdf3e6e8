package io.infodesk.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The distribution as an IT admin installs it: unpacked into a temporary folder, started with
 * {@code bin/infodesk} on a free port against PostgreSQL, with a PATH that holds only the shell
 * tools the launcher uses (no Maven), the first admin bootstrapped from the environment as
 * docs/operations.md says; a question asked; then stopped. Bad settings stop it with the setting's
 * name and exit code 2. Needs PostgreSQL (INFODESK_TEST_PG_URL, USER, PASSWORD), as {@code .ci/run}
 * provides; skipped without it.
 */
class DistributionIT {

  static final String SCHEMA = "dist_it";
  static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

  final HttpClient http = HttpClient.newHttpClient();

  record Run(int exit, String output) {}

  @Test
  void theUnpackedDistributionStartsAnswersAndStops() throws Exception {
    String pgUrl = setting("infodesk.test.pg.url", "INFODESK_TEST_PG_URL");
    assumeTrue(
        !pgUrl.isBlank(),
        "skipped: the distribution test needs PostgreSQL (set INFODESK_TEST_PG_URL, USER, PASSWORD)");
    String pgUser = setting("infodesk.test.pg.user", "INFODESK_TEST_PG_USER");
    String pgPassword = setting("infodesk.test.pg.password", "INFODESK_TEST_PG_PASSWORD");
    // a schema of its own, so that the other PostgreSQL tests' data does not meet this one's
    try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }

    Path dir = Files.createTempDirectory("infodesk-dist");
    Path archive = Path.of(System.getProperty("infodesk.distribution"));
    assertThat(archive).exists();
    Run untar = exec(dir, Map.of("PATH", System.getenv("PATH")), "tar", "-xzf", archive.toString());
    assertThat(untar.exit()).as(untar.output()).isZero();
    Path home;
    try (var entries = Files.list(dir)) {
      home =
          entries.filter(p -> p.getFileName().toString().startsWith("infodesk-")).findFirst().get();
    }
    for (String part :
        List.of(
            "bin/infodesk",
            "conf/infodesk.properties",
            "lib/payara-micro.jar",
            "lib/infodesk.war",
            "systemd/infodesk.service",
            "README.md")) {
      assertThat(home.resolve(part)).as(part).exists();
    }
    assertThat(Files.isExecutable(home.resolve("bin/infodesk"))).isTrue();
    assertThat(Files.readString(home.resolve("conf/infodesk.properties")))
        .contains("infodesk.demo=false", "infodesk.http.address=127.0.0.1")
        .contains("infodesk.data.dir=/var/lib/infodesk");
    try (var libs = Files.list(home.resolve("lib/server"))) {
      assertThat(libs.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("postgresql"))
          .anyMatch(n -> n.startsWith("pytorch-engine"));
    }

    int port = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("PATH", toolsOnly(dir).toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("INFODESK_DATA_DIR", dir.resolve("data").toString());
    env.put("INFODESK_HTTP_PORT", String.valueOf(port));
    env.put("INFODESK_CLUSTER_MEMBERS", "tcpip:127.0.0.1:" + freePort());
    env.put("INFODESK_JAVA_HEAP", "1500m");
    env.put("INFODESK_FLYWHEEL_SCHEDULE", "off");
    env.put("INFODESK_START_TIMEOUT_SECONDS", "240");
    env.put(
        "INFODESK_DB_URL", pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    env.put("INFODESK_DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
    env.put("INFODESK_DB_USER", pgUser);

    Path bin = home.resolve("bin/infodesk");
    try {
      // the launcher's own check, before anything starts
      Map<String, String> badPort = new HashMap<>(env);
      badPort.put("INFODESK_HTTP_PORT", "eighty");
      Run refused = exec(home, badPort, bin.toString(), "start");
      assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
      assertThat(refused.output()).contains("infodesk.http.port='eighty'");

      // a deployment that fails (here: no database password) is reported, and nothing runs
      Run failed = exec(home, env, bin.toString(), "start");
      assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
      assertThat(failed.output()).contains("did not deploy", "password authentication failed");
      assertThat(exec(home, env, bin.toString(), "status").exit())
          .as("a failed start leaves nothing running")
          .isEqualTo(3);
      // in the foreground (systemd, containers) too: the server stops and the exit says why
      Run failedRun = exec(home, env, "timeout", "300", bin.toString(), "run");
      assertThat(failedRun.exit()).as(failedRun.output()).isEqualTo(1);
      assertThat(failedRun.output()).contains("InfoDesk did not deploy");

      // InfoDesk's own start-up check names the bad setting
      env.put("INFODESK_DB_PASSWORD", pgPassword);
      Map<String, String> badRole = new HashMap<>(env);
      badRole.put("INFODESK_NODE_ROLES", "serve,cook");
      Run weak = exec(home, badRole, bin.toString(), "start");
      assertThat(weak.exit()).as(weak.output()).isEqualTo(2);
      assertThat(weak.output()).contains("Invalid settings", "infodesk.node.roles", "cook");
      assertThat(exec(home, env, bin.toString(), "status").exit()).isEqualTo(3);
      Run weakRun = exec(home, badRole, "timeout", "300", bin.toString(), "run");
      assertThat(weakRun.exit()).as(weakRun.output()).isEqualTo(2);
      assertThat(weakRun.output()).contains("infodesk: Invalid settings", "'cook'");

      env.put("INFODESK_BOOTSTRAP_ADMIN_USER", "alice");
      env.put("INFODESK_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
      Run started = exec(home, env, bin.toString(), "start");
      assertThat(started.exit()).as(started.output()).isZero();
      assertThat(started.output()).contains("ready at http://127.0.0.1:" + port);
      Run status = exec(home, env, bin.toString(), "status");
      assertThat(status.exit()).as(status.output()).isZero();

      String base = "http://127.0.0.1:" + port;
      HttpResponse<String> me = get(base + "/api/me", basic("alice", ADMIN_PASSWORD));
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(me.body()).contains("\"admin\"");
      assertThat(get(base + "/api/me", basic("admin", "demo")).statusCode())
          .as("demo mode is off: no demo accounts")
          .isEqualTo(401);
      HttpResponse<String> asked =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                  .header("Authorization", basic("alice", ADMIN_PASSWORD))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"question\":\"How many vacation days do I get?\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
      assertThat(asked.body()).contains("\"interactionId\"");
      assertThat(Files.readString(dir.resolve("data/logs/infodesk.log")))
          .contains("Created the first admin account 'alice'");

      Run stopped = exec(home, env, bin.toString(), "stop");
      assertThat(stopped.exit()).as(stopped.output()).isZero();
      assertThat(exec(home, env, bin.toString(), "status").exit()).isEqualTo(3);
    } finally {
      exec(home, env, bin.toString(), "stop");
      // half a gigabyte unpacked: leave nothing behind
      try (var all = Files.walk(dir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A folder of links to just the tools the launcher and tar use: no Maven, no JDK tools. */
  static Path toolsOnly(Path dir) throws IOException {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool :
        List.of(
            "bash", "env", "dirname", "cat", "mkdir", "head", "grep", "tail", "sleep", "seq",
            "nohup", "rm", "mktemp", "mkfifo", "timeout")) {
      for (String where : List.of("/usr/bin/", "/bin/")) {
        Path real = Path.of(where + tool);
        if (Files.isExecutable(real) && !Files.exists(tools.resolve(tool))) {
          Files.createSymbolicLink(tools.resolve(tool), real);
        }
      }
    }
    return tools;
  }

  Run exec(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String url, String authorization) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank() || v.startsWith("${")) {
      v = System.getenv(env);
    }
    return v == null ? "" : v.strip();
  }
}
