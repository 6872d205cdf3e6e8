package io.infodesk.review.control;

import io.infodesk.platform.control.ChatCompletions;
import io.infodesk.review.entity.Verdict;
import io.infodesk.review.entity.Verdict.Attribution;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.routing.model.LlmRouter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The judge on an OpenAI-compatible endpoint: a rubric prompt with the evidence, answered with JSON
 * {@code {"attribution", "suggested_domain", "confidence", "rationale"}}. A reply it cannot use
 * (time-out, HTTP error, malformed JSON, an unknown domain) falls back to the embedded judge, and
 * the verdict's rationale says so.
 */
public final class LlmJudge implements Judge {

  private final List<LlmRouter.DomainCard> domains;
  private final BiFunction<String, String, String> chat;
  private final Judge fallback;

  /**
   * @param chat sends (system, user) to the endpoint and returns the assistant's text
   */
  public LlmJudge(
      List<LlmRouter.DomainCard> domains, BiFunction<String, String, String> chat, Judge fallback) {
    this.domains = List.copyOf(domains);
    this.chat = chat;
    this.fallback = fallback;
  }

  @Override
  public Verdict judge(Evidence e) {
    try {
      return parse(
          chat.apply(rubric(), evidence(e)),
          domains.stream().map(LlmRouter.DomainCard::key).toList());
    } catch (RuntimeException failure) {
      Verdict v = fallback.judge(e);
      return new Verdict(
          v.attribution(),
          v.suggestedDomain(),
          v.confidence(),
          v.rationale() + " (embedded judge: the LLM judge failed: " + failure.getMessage() + ")");
    }
  }

  String rubric() {
    StringBuilder p =
        new StringBuilder(
            "You audit an employee support assistant. A router sent the employee's question to one"
                + " domain, that domain's knowledge base was searched, and an answer was written."
                + " Decide where it went wrong.\nThe domains are:\n");
    p.append(LlmRouter.DomainCard.lines(domains));
    p.append(
        """
        Rubric:
        - ROUTING: the question belongs to another domain, or to none ("out-of-scope"), than the one it was routed to. Give that domain as suggested_domain.
        - RETRIEVAL: the routing is right but the knowledge found does not answer the question.
        - GENERATION: routing and knowledge are right but the answer itself failed the employee.
        - NONE: nothing went wrong.
        %s
        A router trained on earlier reviewed labels and the labels of the most similar reviewed questions, where given, are what the flywheel has learned: when they agree with each other against the route, ROUTING is likely.
        Answer with JSON only: {"attribution": "ROUTING|RETRIEVAL|GENERATION|NONE", "suggested_domain": "<key, out-of-scope or null>", "confidence": <0..1>, "rationale": "<one sentence>"}."""
            .replace("%s", io.infodesk.platform.control.PromptData.RULE));
    return p.toString();
  }

  static String evidence(Evidence e) {
    StringBuilder b = new StringBuilder();
    b.append("Question: ")
        .append(io.infodesk.platform.control.PromptData.wrap("question", e.question()))
        .append('\n');
    b.append("Routed to: ")
        .append(e.routedDomain() == null ? "out-of-scope" : e.routedDomain())
        .append('\n');
    b.append("Employee rating: ").append(e.satisfied() ? "helpful" : "not helpful").append('\n');
    if (e.comment() != null && !e.comment().isBlank()) {
      b.append("Employee comment: ")
          .append(io.infodesk.platform.control.PromptData.wrap("comment", e.comment()))
          .append('\n');
    }
    if (e.correctedDomain() != null) {
      b.append("Employee says it belongs to: ").append(e.correctedDomain()).append('\n');
    }
    b.append("Teacher router chose: ")
        .append(e.teacherDomain() == null ? "out-of-scope" : e.teacherDomain())
        .append('\n');
    if (e.studentDomain() != null) {
      b.append("Student router chose: ").append(e.studentDomain()).append('\n');
    }
    if (e.learned() != null) {
      Judge.Learned l = e.learned();
      if (l.studentLabel() != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "Router trained on earlier reviewed labels chose: %s (confidence %.2f)%n",
                l.studentLabel(),
                l.studentConfidence()));
      }
      if (!l.nearest().isEmpty()) {
        b.append("Labels of the most similar reviewed questions (cosine):");
        l.nearest()
            .forEach(
                n -> b.append(String.format(Locale.ROOT, " %s=%.2f", n.label(), n.similarity())));
        b.append('\n');
      }
      b.append("Teacher, trained router and similar questions agree: ")
          .append(l.agree() ? "yes" : "no")
          .append('\n');
    }
    b.append("Best knowledge-base match per domain (cosine):");
    for (Map.Entry<String, Double> s : e.bestSimilarityByDomain().entrySet()) {
      b.append(String.format(Locale.ROOT, " %s=%.2f", s.getKey(), s.getValue()));
    }
    return b.append('\n').toString();
  }

  /** Reads the model's JSON, tolerating a code fence around it; refuses anything else. */
  static Verdict parse(String reply, List<String> keys) {
    JsonObject json = ChatCompletions.jsonObjectIn(reply);
    Attribution attribution;
    try {
      attribution =
          Attribution.valueOf(json.getString("attribution", "").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | ClassCastException ex) {
      throw new IllegalArgumentException("attribution is missing or unknown");
    }
    String suggested = null;
    JsonValue s = json.get("suggested_domain");
    if (s instanceof JsonString str && !str.getString().isBlank()) {
      suggested = str.getString().strip();
      if (suggested.equalsIgnoreCase("none") || suggested.equalsIgnoreCase("null")) {
        suggested = null;
      } else if (suggested.equals(RouteLabels.OUT_OF_SCOPE)) {
        suggested = RouteLabels.OOS;
      }
    }
    if (suggested != null && !suggested.equals(RouteLabels.OOS) && !keys.contains(suggested)) {
      throw new IllegalArgumentException("unknown suggested domain '" + suggested + "'");
    }
    if (attribution == Attribution.ROUTING && suggested == null) {
      throw new IllegalArgumentException("a ROUTING verdict needs a suggested domain");
    }
    if (attribution != Attribution.ROUTING) {
      suggested = null;
    }
    double confidence = 0.5;
    if (json.get("confidence") instanceof JsonNumber n) {
      confidence = n.doubleValue();
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence " + confidence + " is outside 0..1");
    }
    String rationale = json.getString("rationale", "").strip();
    if (rationale.length() > 1500) {
      rationale = rationale.substring(0, 1500);
    }
    return new Verdict(
        attribution,
        suggested,
        confidence,
        "LLM judge: " + (rationale.isEmpty() ? "-" : rationale));
  }
}
