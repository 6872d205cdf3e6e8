package io.infodesk.platform;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document tells the truth: every operation declares its success status with a schema
 * (or 204) and its errors as {@code application/problem+json}, none a bare {@code default}; and
 * real answers, read by every role from every GET operation (with the ids the lists give), from the
 * main writes and from bad requests, are valid against the document (Atlassian's
 * swagger-request-validator). One mismatch fails the build.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractIT {

  static final Map<String, String> CALLERS = new LinkedHashMap<>();

  static {
    CALLERS.put("admin", basic("admin", "demo"));
    CALLERS.put("owner", basic("owner", "demo"));
    CALLERS.put("sme", basic("sme", "demo"));
    CALLERS.put("employee", basic("employee", "demo"));
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  final List<String> mismatches = new ArrayList<>();
  int validated;

  @Test
  void everyOperationIsTypedAndRealAnswersMatchTheDocument() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    Reply doc = api.raw("GET", "/openapi", Map.of("Accept", "application/json"), null);
    assertThat(doc.status()).isEqualTo(200);
    JsonObject openapi = Json.createReader(new StringReader(doc.body())).readObject();

    // the document itself: typed successes and problem errors everywhere
    List<String> untyped = new ArrayList<>();
    List<String[]> gets = new ArrayList<>();
    openapi
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, value) -> {
                          if (!Set.of("get", "post", "put", "delete").contains(method)) {
                            return;
                          }
                          JsonObject responses = value.asJsonObject().getJsonObject("responses");
                          String where = method.toUpperCase() + " " + path;
                          if (responses.containsKey("default")) {
                            untyped.add(where + ": a bare default response");
                          }
                          boolean success = false;
                          for (String code : responses.keySet()) {
                            if (code.startsWith("2")) {
                              JsonObject r = responses.getJsonObject(code);
                              success |= code.equals("204") || r.containsKey("content");
                            }
                          }
                          if (!success) {
                            untyped.add(where + ": no typed success response");
                          }
                          if (!responses.containsKey("400")
                              || !responses
                                  .getJsonObject("400")
                                  .getJsonObject("content")
                                  .containsKey("application/problem+json")) {
                            untyped.add(where + ": no problem+json error");
                          }
                          if (method.equals("get")) {
                            gets.add(new String[] {path});
                          }
                        }));
    assertThat(untyped).as("operations the document does not type").isEmpty();

    // Payara adds a top-level "endpoints" list of its own, outside the OpenAPI 3.0 schema
    String spec =
        openapi.containsKey("endpoints")
            ? Json.createObjectBuilder(openapi).remove("endpoints").build().toString()
            : doc.body();
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();

    // the validator is not lenient: an answer of the wrong shape is refused
    ValidationReport wrong =
        validator.validateResponse(
            "/api/ask",
            Request.Method.POST,
            SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody("{\"interactionId\":\"seven\",\"citations\":{}}")
                .build());
    assertThat(wrong.hasErrors()).as("a wrong answer is caught").isTrue();

    // a question, its rating and an escalation, so that the lists are not empty
    String employee = CALLERS.get("employee");
    Reply asked =
        api.post("/api/ask", employee, "{\"question\":\"How do I reset my VPN password?\"}");
    check(validator, "POST", "/api/ask", asked);
    long interaction = asked.json().getJsonNumber("interactionId").longValue();
    check(
        validator,
        "POST",
        "/api/interactions/" + interaction + "/feedback",
        api.post(
            "/api/interactions/" + interaction + "/feedback", employee, "{\"rating\":\"down\"}"));
    check(
        validator,
        "POST",
        "/api/interactions/" + interaction + "/escalation",
        api.post(
            "/api/interactions/" + interaction + "/escalation",
            employee,
            "{\"note\":\"call me\"}"));
    Reply token = api.post("/api/me/tokens", employee, "{\"label\":\"contract\",\"validDays\":1}");
    check(validator, "POST", "/api/me/tokens", token);
    check(
        validator,
        "DELETE",
        "/api/me/tokens/" + token.json().getJsonNumber("id"),
        api.delete("/api/me/tokens/" + token.json().getJsonNumber("id"), employee));
    // problems
    check(validator, "POST", "/api/ask", api.post("/api/ask", employee, "{\"question\":\"\"}"));
    check(validator, "GET", "/api/sources/abc", api.get("/api/sources/abc", employee));
    check(validator, "GET", "/api/users", api.get("/api/users", employee));
    check(validator, "GET", "/api/me", api.get("/api/me", null));

    // every GET, by every role, with ids from the lists
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("key", "hr");
    ids.put("username", "employee");
    ids.put("interaction", String.valueOf(interaction));
    firstId(api, "/api/sources?max=1", "sources").ifPresent(v -> ids.put("/api/sources", v));
    firstId(api, "/api/models", null).ifPresent(v -> ids.put("/api/models", v));
    firstId(api, "/api/flywheel/cycles", null).ifPresent(v -> ids.put("/api/flywheel/cycles", v));
    firstId(api, "/api/datasets", null).ifPresent(v -> ids.put("/api/datasets", v));
    firstId(api, "/api/reviews?max=1", null).ifPresent(v -> ids.put("/api/reviews", v));
    for (String[] g : gets) {
      String path = fill(g[0], ids, interaction);
      if (path == null || path.endsWith("/export")) {
        continue;
      }
      for (String caller : CALLERS.values()) {
        check(validator, "GET", path, api.get(path, caller));
      }
    }
    System.out.printf(
        "contract: %d paths typed, %d real answers validated, %d mismatches%n",
        openapi.getJsonObject("paths").size(), validated, mismatches.size());
    mismatches.stream().limit(40).forEach(m -> System.out.println("  mismatch: " + m));
    assertThat(mismatches).as("answers that do not match /openapi").isEmpty();
    assertThat(validated).isGreaterThan(100);
  }

  void check(OpenApiInteractionValidator validator, String method, String path, Reply r) {
    String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status());
    if (r.contentType() != null) {
      response.withContentType(r.contentType());
    }
    if (r.body() != null && !r.body().isEmpty()) {
      response.withBody(r.body());
    }
    ValidationReport report =
        validator.validateResponse(plain, Request.Method.valueOf(method), response.build());
    validated++;
    if (report.hasErrors()) {
      mismatches.add(
          method
              + " "
              + path
              + " → "
              + r.status()
              + ": "
              + report.getMessages().stream()
                  .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                  .map(m -> m.getMessage())
                  .toList());
    }
  }

  /** The path with its parameters filled from what the lists gave, or null when one is missing. */
  static String fill(String path, Map<String, String> ids, long interaction) {
    String out = path.replace("{key}", ids.get("key")).replace("{username}", ids.get("username"));
    if (out.contains("{id}")) {
      String prefix = out.substring(0, out.indexOf("/{id}"));
      String id =
          prefix.equals("/api/interactions") ? String.valueOf(interaction) : ids.get(prefix);
      if (id == null) {
        return null;
      }
      out = out.replace("{id}", id);
    }
    return out.contains("{") ? null : out;
  }

  static java.util.Optional<String> firstId(Api api, String path, String field) {
    Reply r = api.get(path, CALLERS.get("admin"));
    if (r.status() != 200) {
      return java.util.Optional.empty();
    }
    JsonValue v = Json.createReader(new StringReader(r.body())).readValue();
    var list =
        v.getValueType() == JsonValue.ValueType.ARRAY
            ? v.asJsonArray()
            : v.asJsonObject().getJsonArray(field);
    if (list == null || list.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(list.getJsonObject(0).get("id").toString());
  }
}
