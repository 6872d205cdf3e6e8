package io.infodesk.ear;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The WAR on Payara Micro started as operators start it ({@code java -jar payara-micro.jar}), on
 * 127.0.0.1 only, with the native ML libraries as server libraries; for the tests that need a real
 * process to start, kill and restart.
 */
final class MicroServer implements AutoCloseable {

  final Path data;
  final int port;
  final String base;
  private final Process process;

  /**
   * HTTP/1.1, as the web module's tests speak it: by default the JDK client upgrades a plain
   * connection to HTTP/2 (h2c) and reuses it, and a clean-clone CI run failed once on an ask to a
   * node whose upgraded connection had been closed while the other node started ("EOF reached while
   * reading", ClusterCycleIT).
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private MicroServer(Path data, int port, Process process) {
    this.data = data;
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
    this.process = process;
  }

  /**
   * @param data the data folder (database, index, logs)
   * @param settings extra {@code -D} settings such as {@code infodesk.demo=true}
   */
  static MicroServer start(Path data, List<String> settings) throws IOException {
    return start(data, settings, freePort());
  }

  /** The same, on a given port: a node restarted behind a load balancer keeps its address. */
  static MicroServer start(Path data, List<String> settings, int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            javaBin(),
            "-Xmx1500m",
            "-Duser.timezone=UTC",
            "-Djava.net.preferIPv4Stack=true",
            "-Dhazelcast.socket.bind.any=false",
            "-Dai.djl.offline=true",
            "-DDJL_CACHE_DIR=" + data.resolve("djl"),
            "-Dinfodesk.data.dir=" + data));
    settings.forEach(s -> command.add("-D" + s));
    command.addAll(
        List.of(
            "-jar",
            property("payara.micro.jar"),
            "--deploy",
            property("infodesk.war"),
            "--contextroot",
            "/",
            "--addLibs",
            property("server.libs.dir"),
            "--port",
            String.valueOf(port),
            "--interfaces",
            "127.0.0.1",
            "--clustermode",
            "tcpip:127.0.0.1:5950",
            "--prebootcommandfile",
            property("loopback.commands")));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log(data).toFile()))
            .start();
    return new MicroServer(data, port, p);
  }

  static Path log(Path data) {
    return data.resolve("payara-micro.log");
  }

  /** Waits until readiness reports the embedding model loaded. */
  void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Payara Micro exited:\n" + tail(log(data)));
      }
      try {
        HttpResponse<String> r = get("/health/ready", null);
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200 && r.body().contains("minilm-embeddings")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("Not ready: " + last + "\n" + tail(log(data)));
  }

  HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String authorization, String json) throws Exception {
    return send("POST", path, authorization, json);
  }

  HttpResponse<String> put(String path, String authorization, String json) throws Exception {
    return send("PUT", path, authorization, json);
  }

  private HttpResponse<String> send(String method, String path, String authorization, String json)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Kills the server at once, as a power cut or {@code kill -9} would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || !new File(value).exists()) {
      throw new IllegalStateException(name + "=" + value + " is missing: run through Maven");
    }
    return value;
  }

  static Path freshDir(String name) throws IOException {
    Path dir =
        Path.of(System.getProperty("it.data.dir", "target/ear-data")).getParent().resolve(name);
    deleteTree(dir);
    return Files.createDirectories(dir).toAbsolutePath();
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
