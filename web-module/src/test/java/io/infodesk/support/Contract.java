package io.infodesk.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAPI document of one server, as the integration tests' contract: {@link Api} hands every
 * answer it receives from {@code /api} here, and an answer that the document does not describe (its
 * status, content type or body schema) fails the test that received it. Operations the document
 * does not have (a wrong method, an unknown path: the bad-input tests send them on purpose) are
 * outside the contract and only counted. Validation is Atlassian's swagger-request-validator.
 */
public final class Contract {

  private static final Map<String, Contract> BY_SERVER = new ConcurrentHashMap<>();

  /** Validated answers and mismatches over the whole test JVM, printed when it ends. */
  static final AtomicLong VALIDATED = new AtomicLong();

  static final AtomicLong OUTSIDE = new AtomicLong();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    System.out.printf(
                        "contract: %d answers validated against /openapi, %d to operations"
                            + " outside it%n",
                        VALIDATED.get(), OUTSIDE.get())));
  }

  /** Messages that say the request is not one of the document's operations. */
  private static final Set<String> OUTSIDE_THE_DOCUMENT =
      Set.of(
          "validation.request.path.missing",
          "validation.request.operation.notAllowed",
          "validation.response.path.missing",
          "validation.response.operation.notAllowed");

  private final OpenApiInteractionValidator validator;

  private Contract(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** The contract of the server at {@code base}, read from its {@code /openapi} once. */
  static Contract of(String base) {
    return BY_SERVER.computeIfAbsent(base, Contract::read);
  }

  private static Contract read(String base) {
    try {
      HttpResponse<String> doc =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/openapi"))
                      .timeout(Duration.ofSeconds(60))
                      .header("Accept", "application/json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (doc.statusCode() != 200) {
        throw new AssertionError("GET /openapi answered " + doc.statusCode() + ": " + doc.body());
      }
      JsonObject openapi = Json.createReader(new StringReader(doc.body())).readObject();
      // Payara adds a top-level "endpoints" list of its own, outside the OpenAPI 3.0 schema
      String spec = Json.createObjectBuilder(openapi).remove("endpoints").build().toString();
      return new Contract(
          OpenApiInteractionValidator.createForInlineApiSpecification(spec).build());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("GET /openapi failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks one answer; throws when the document describes the operation but not this answer.
   *
   * @param path the path below the server's root, without its query
   * @param fromInfoDesk whether InfoDesk answered (its security headers are there), not the
   *     server's HTTP layer before it
   */
  void check(String method, String path, Api.Reply reply, boolean fromInfoDesk) {
    if (!path.startsWith("/api/")) {
      return;
    }
    if (!fromInfoDesk) {
      OUTSIDE.incrementAndGet();
      return;
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
    if (reply.contentType() != null) {
      response.withContentType(reply.contentType());
    }
    if (reply.body() != null && !reply.body().isEmpty()) {
      response.withBody(reply.body());
    }
    Request.Method m;
    try {
      m = Request.Method.valueOf(method);
    } catch (IllegalArgumentException e) {
      OUTSIDE.incrementAndGet();
      return;
    }
    ValidationReport report = validator.validateResponse(path, m, response.build());
    List<ValidationReport.Message> errors =
        report.getMessages().stream()
            .filter(msg -> msg.getLevel() == ValidationReport.Level.ERROR)
            .toList();
    if (errors.stream().anyMatch(msg -> OUTSIDE_THE_DOCUMENT.contains(msg.getKey()))) {
      OUTSIDE.incrementAndGet();
      return;
    }
    VALIDATED.incrementAndGet();
    if (!errors.isEmpty()) {
      String mismatch =
          method
              + " "
              + path
              + " → "
              + reply.status()
              + " "
              + reply.contentType()
              + ": "
              + errors.stream().map(msg -> msg.getKey() + " " + msg.getMessage()).toList()
              + "\n  body: "
              + (reply.body() == null
                  ? ""
                  : reply.body().substring(0, Math.min(400, reply.body().length())));
      if (Boolean.getBoolean("contract.record-only")) {
        System.out.println("contract mismatch: " + mismatch);
      } else {
        throw new AssertionError("The answer does not match /openapi: " + mismatch);
      }
    }
  }
}
