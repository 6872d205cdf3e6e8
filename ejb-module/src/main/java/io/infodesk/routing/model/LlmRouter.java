package io.infodesk.routing.model;

import io.infodesk.platform.control.ChatCompletions;
import io.infodesk.routing.entity.RouteDecision;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The LLM teacher: a prompt that lists the domains and their descriptions, answered with JSON
 * {@code {"domain": ..., "confidence": ...}}. On any failure (time-out, HTTP error, open circuit,
 * malformed or unknown answer) it falls back to the zero-shot router and records why.
 */
public final class LlmRouter implements Router {

  /** A domain as a prompt shows it. */
  public record DomainCard(String key, String name, String description) {

    /** The cards as prompt lines: "- key: name. description". */
    public static String lines(List<DomainCard> cards) {
      StringBuilder p = new StringBuilder();
      for (DomainCard d : cards) {
        p.append("- ")
            .append(d.key())
            .append(": ")
            .append(d.name())
            .append(". ")
            .append(d.description())
            .append('\n');
      }
      return p.toString();
    }
  }

  public static final String OUT_OF_SCOPE = "none";

  private final List<DomainCard> domains;
  private final BiFunction<String, String, String> chat;
  private final Router fallback;
  private final String version;

  /**
   * @param chat sends (system, user) to the endpoint and returns the assistant's text
   */
  public LlmRouter(
      List<DomainCard> domains,
      BiFunction<String, String, String> chat,
      Router fallback,
      String model) {
    this.domains = List.copyOf(domains);
    this.chat = chat;
    this.fallback = fallback;
    this.version = "llm-" + model;
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public RouteDecision route(String question) {
    long start = System.nanoTime();
    try {
      String reply =
          chat.apply(
              systemPrompt(),
              "Question: " + io.infodesk.platform.control.PromptData.wrap("question", question));
      Parsed p = parse(reply, domains.stream().map(DomainCard::key).toList());
      return new RouteDecision(
          p.domain(), p.confidence(), version, (System.nanoTime() - start) / 1000, null, Map.of());
    } catch (RuntimeException e) {
      RouteDecision zeroShot = fallback.route(question);
      return zeroShot.withFallback(
          "LLM router failed (" + e.getMessage() + "); used " + zeroShot.routerVersion(),
          (System.nanoTime() - start) / 1000);
    }
  }

  /** About how many tokens one route reads and writes (prompt, question and a short reply). */
  public int tokensPerRoute(String question) {
    return (systemPrompt().length() + question.length() + 13) / 4 + 20;
  }

  String systemPrompt() {
    StringBuilder p =
        new StringBuilder(
            "You route employee questions to the team that can answer them. The domains are:\n");
    p.append(DomainCard.lines(domains));
    p.append("If no domain fits, use \"")
        .append(OUT_OF_SCOPE)
        .append(
            "\". Answer with JSON only: {\"domain\": \"<key or none>\", \"confidence\": <0..1>}.\n")
        .append(io.infodesk.platform.control.PromptData.RULE);
    return p.toString();
  }

  /** What a usable reply says. */
  public record Parsed(String domain, double confidence) {}

  /** Reads the model's JSON, tolerating a code fence around it; refuses anything else. */
  public static Parsed parse(String reply, List<String> keys) {
    JsonObject json = ChatCompletions.jsonObjectIn(reply);
    JsonValue domainValue = json.get("domain");
    String domain;
    if (domainValue == null || domainValue.getValueType() == JsonValue.ValueType.NULL) {
      domain = null;
    } else if (domainValue instanceof JsonString s) {
      domain = s.getString().strip();
    } else {
      throw new ChatCompletions.MalformedReplyException("domain is not a string");
    }
    if (domain != null && (domain.isEmpty() || domain.equalsIgnoreCase(OUT_OF_SCOPE))) {
      domain = null;
    }
    if (domain != null && !keys.contains(domain)) {
      throw new ChatCompletions.MalformedReplyException("unknown domain '" + domain + "'");
    }
    double confidence = 0.5;
    JsonValue c = json.get("confidence");
    if (c instanceof JsonNumber n) {
      confidence = n.doubleValue();
    } else if (c != null && c.getValueType() != JsonValue.ValueType.NULL) {
      throw new ChatCompletions.MalformedReplyException("confidence is not a number");
    }
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new ChatCompletions.MalformedReplyException(
          "confidence " + confidence + " is outside 0..1");
    }
    return new Parsed(domain, confidence);
  }

  @Override
  public String version() {
    return version;
  }

  static Map<String, Double> none() {
    return new LinkedHashMap<>();
  }
}
