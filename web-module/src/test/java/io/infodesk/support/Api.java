package io.infodesk.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for the integration tests: JSON in, status and JSON out. Every answer from
 * {@code /api} is checked against the server's OpenAPI document ({@link Contract}).
 */
public final class Api {

  /** One response, with its body parsed lazily. */
  public record Reply(int status, String contentType, String body) {
    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;

  /**
   * Distinct questions about the demo knowledge base, none of them a domain's exemplar: enough
   * traffic for the frozen evaluation set, which is never made of exemplars.
   */
  public static final java.util.List<String> DEMO_TRAFFIC =
      java.util.List.of(
          "How many days of paid time off do new employees get?",
          "Can I carry unused vacation days into next year?",
          "How long is parental leave for the second parent?",
          "When does open enrollment for health insurance start?",
          "How much does the company match on the 401k?",
          "When are performance reviews held?",
          "Do I need approval to work remotely on Fridays?",
          "How do I install the VPN client on my laptop?",
          "My VPN says gateway unreachable",
          "How do I reset my password after it expired?",
          "How do I set up multi-factor authentication on a new phone?",
          "When is my laptop due for a refresh?",
          "How do I print from my laptop to the office printer?",
          "How do I report a phishing email?",
          "When is payday this month?",
          "How do I change my direct deposit account?",
          "What is the hotel cap in New York?",
          "How do I submit an expense report?",
          "What is the per diem for meals when travelling?",
          "Where do I find my W-2 form?",
          "How do I raise a purchase order?",
          "What is the mileage reimbursement rate?",
          "What does error FLOW-429 mean?",
          "How do I authenticate to the Kestrel Flow API?",
          "How do I configure a webhook in Kestrel Flow?",
          "What changed in release 4.2?",
          "How do I configure SAML single sign-on?",
          "What are the API rate limits?");

  /** The demo employee asks each question and rates the answer up. */
  public void askAndRateUp(java.util.List<String> questions) {
    String employee = basic("employee", "demo");
    for (String q : questions) {
      JsonObject a =
          post("/api/ask", employee, "{\"question\":" + Json.createValue(q) + "}").json();
      post(
          "/api/interactions/" + a.getJsonNumber("interactionId") + "/feedback",
          employee,
          "{\"rating\":\"up\"}");
    }
  }

  public Api(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** A question the demo employee asked and rated down, naming the domain it belongs to. */
  public record Misroute(long interactionId, String correctedDomain) {}

  /**
   * The demo employee asks {@code question} and rates the answer down, saying it belongs to hr or
   * it (whichever it was not routed to: both are the demo SME's domains), so the judge flags it.
   *
   * @param comment the rating's comment, or null
   */
  public Misroute misroute(String question, String comment) {
    String employee = basic("employee", "demo");
    JsonObject asked =
        post("/api/ask", employee, "{\"question\":" + Json.createValue(question) + "}").json();
    long id = asked.getJsonNumber("interactionId").longValue();
    String corrected = "hr".equals(asked.getString("domain", "")) ? "it" : "hr";
    Reply rated =
        post(
            "/api/interactions/" + id + "/feedback",
            employee,
            "{\"rating\":\"down\","
                + (comment == null ? "" : "\"comment\":" + Json.createValue(comment) + ",")
                + "\"correctDomain\":\""
                + corrected
                + "\"}");
    if (rated.status() != 200) {
      throw new AssertionError("the rating was refused: " + rated.body());
    }
    return new Misroute(id, corrected);
  }

  public Reply get(String path, String authorization) {
    return send(request(path, authorization).GET());
  }

  /** A JSON POST with {@code Expect: 100-continue}, for bodies the server may refuse unread. */
  public Reply postExpectingContinue(String path, String authorization, String json) {
    return send(
        request(path, authorization)
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(true)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply post(String path, String authorization, String json) {
    return send(
        request(path, authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String authorization, String json) {
    return send(
        request(path, authorization)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A multipart/form-data POST: text fields, then files as (name, filename, bytes). */
  public Reply multipart(
      String path,
      String authorization,
      java.util.Map<String, String> fields,
      java.util.List<FilePart> files) {
    return multipart(path, authorization, fields, files, false);
  }

  /**
   * @param expectContinue send {@code Expect: 100-continue}, as curl does for large uploads, so the
   *     server may refuse before the body is sent
   */
  public Reply multipart(
      String path,
      String authorization,
      java.util.Map<String, String> fields,
      java.util.List<FilePart> files,
      boolean expectContinue) {
    String boundary = "----infodesk" + System.nanoTime();
    byte[] body = multipartBody(boundary, fields, files);
    return send(
        request(path, authorization)
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(expectContinue)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart/form-data body: text fields, then files, between {@code boundary} lines. */
  public static byte[] multipartBody(
      String boundary, java.util.Map<String, String> fields, java.util.List<FilePart> files) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> text =
        t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
    fields.forEach(
        (name, value) -> {
          text.accept(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + name
                  + "\"\r\n\r\n"
                  + value
                  + "\r\n");
        });
    for (FilePart f : files) {
      text.accept(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + f.field()
              + "\"; filename=\""
              + f.filename()
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(f.content());
      text.accept("\r\n");
    }
    text.accept("--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  /** One file of a multipart upload. */
  public record FilePart(String field, String filename, byte[] content) {}

  /** A POST whose body is sent chunked, with no Content-Length, as a streaming client sends it. */
  public Reply postChunked(String path, String authorization, String contentType, byte[] body) {
    return send(
        request(path, authorization)
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", contentType)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body))));
  }

  public Reply postRaw(String path, String authorization, String contentType, String body) {
    return send(
        request(path, authorization)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any request over HTTP/1.1, with exactly the headers given (a null body sends none). */
  public Reply raw(String method, String path, java.util.Map<String, String> headers, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .version(HttpClient.Version.HTTP_1_1);
    headers.forEach(b::header);
    if (body != null && body.length() > 100_000) {
      // a large body the server may refuse unread: ask first, as curl does
      b.expectContinue(true);
    }
    return send(
        b.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply delete(String path, String authorization) {
    return send(request(path, authorization).DELETE());
  }

  private HttpRequest.Builder request(String path, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.header("Accept", "application/json, application/problem+json, */*");
  }

  private volatile java.net.http.HttpHeaders lastHeaders;

  /** The response headers of this client's latest request. */
  public java.net.http.HttpHeaders lastHeaders() {
    return lastHeaders;
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpRequest sent = request.build();
      HttpResponse<String> r = client.send(sent, HttpResponse.BodyHandlers.ofString());
      lastHeaders = r.headers();
      Reply reply =
          new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
      String path = sent.uri().getRawPath();
      String root = URI.create(base + "/").getRawPath();
      // InfoDesk's own answers carry its security headers; an answer without them came from
      // Payara's HTTP layer before InfoDesk saw the request (an empty 400 for a body on GET),
      // which the document cannot describe
      boolean fromInfoDesk = r.headers().firstValue("X-Content-Type-Options").isPresent();
      if (path.startsWith(root)) {
        Contract.of(base)
            .check(sent.method(), path.substring(root.length() - 1), reply, fromInfoDesk);
      }
      return reply;
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts an admin's training run ({@code POST /api/models/training}, 202 with the job to poll),
   * waits for it, and returns the models it created, in the order it trained them.
   */
  public java.util.List<JsonObject> train(String admin, Duration timeout) {
    Reply started = post("/api/models/training", admin, "");
    if (started.status() != 202) {
      throw new AssertionError(
          "training did not start: " + started.status() + " " + started.body());
    }
    String poll = "/api/flywheel/cycles/" + started.json().getJsonNumber("id");
    JsonObject job = awaitCycle(poll, admin, timeout);
    if (!"COMPLETED".equals(job.getString("status"))) {
      throw new AssertionError("training failed: " + job);
    }
    String detail = job.getJsonObject("steps").getJsonObject("train").getString("detail");
    java.util.List<JsonObject> models = new java.util.ArrayList<>();
    for (JsonObject m : get("/api/models", admin).array().getValuesAs(JsonObject.class)) {
      if (detail.contains(m.getString("version") + " ")) {
        models.add(m);
      }
    }
    java.util.Collections.reverse(models);
    return models;
  }

  /** Starts a flywheel cycle ({@code POST /api/flywheel/cycles}, 202) and waits until it ends. */
  public JsonObject runCycle(String admin, Duration timeout) {
    Reply started = post("/api/flywheel/cycles", admin, "");
    if (started.status() != 202) {
      throw new AssertionError(
          "the cycle did not start: " + started.status() + " " + started.body());
    }
    return awaitCycle("/api/flywheel/cycles/" + started.json().getJsonNumber("id"), admin, timeout);
  }

  /** Rolls back until the teacher routes again, however many students a test promoted. */
  public void rollbackToTeacher(String admin) {
    for (int i = 0; i < 20 && post("/api/models/rollback", admin, "").status() == 200; i++) {
      // one promotion undone each time
    }
  }

  /** Polls a cycle (or training job) until it is no longer RUNNING. */
  public JsonObject awaitCycle(String path, String admin, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject cycle = get(path, admin).json();
    while ("RUNNING".equals(cycle.getString("status")) && System.nanoTime() < deadline) {
      sleep(500);
      cycle = get(path, admin).json();
    }
    return cycle;
  }

  /** Uploads one text file into {@code domain} through {@code POST /api/sources}. */
  public Reply upload(String authorization, String domain, String filename, String text) {
    return multipart(
        "/api/sources",
        authorization,
        java.util.Map.of("domain", domain),
        java.util.List.of(
            new FilePart(
                "file", filename, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  /** Polls a source until its ingestion ends, and returns INDEXED or FAILED. */
  public String awaitSource(long id, String authorization, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      status = get("/api/sources/" + id, authorization).json().getString("status");
      if (status.equals("INDEXED") || status.equals("FAILED")) {
        return status;
      }
      sleep(200);
    }
    throw new AssertionError("source " + id + " did not finish: " + status);
  }

  /** Polls the server's MicroProfile Health readiness until it is UP (models load async). */
  public Reply awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Reply last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = get("/health/ready", null);
        if (last.status() == 200 && last.body().contains("\"UP\"")) {
          return last;
        }
        if (last.body().contains("No Application deployed")
            && System.nanoTime() - deadline + timeout.toNanos()
                > Duration.ofSeconds(20).toNanos()) {
          throw new AssertionError("The application did not deploy; see the server log");
        }
      } catch (IllegalStateException e) {
        // not listening yet
      }
      sleep(1000);
    }
    throw new AssertionError(
        "Not ready within " + timeout + ": " + (last == null ? "no answer" : last.body()));
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
