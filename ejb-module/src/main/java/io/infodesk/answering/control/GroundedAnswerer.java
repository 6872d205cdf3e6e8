package io.infodesk.answering.control;

import io.infodesk.answering.entity.Answer;
import io.infodesk.guardrails.entity.GuardrailEvent;
import io.infodesk.guardrails.model.PiiRedactor;
import io.infodesk.platform.control.Text;
import io.infodesk.retrieval.entity.Passage;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An LLM answer grounded on the retrieved passages, with the output guardrails: every sentence must
 * be supported by the passages (else the caller answers extractively), and personal data that the
 * passages do not contain is redacted. Citations [n] are renumbered in the order the answer uses
 * them.
 */
public final class GroundedAnswerer {

  private final BiFunction<String, String, String> chat;
  private final BiFunction<String, List<String>, List<String>> unsupported;
  private final Function<String, PiiRedactor.Redaction> redact;

  /**
   * @param chat sends (system, user) to the endpoint and returns the assistant's text
   * @param unsupported the sentences of an answer that the passages do not support (guardrails)
   * @param redact the text with its personal data redacted (guardrails)
   */
  public GroundedAnswerer(
      BiFunction<String, String, String> chat,
      BiFunction<String, List<String>, List<String>> unsupported,
      Function<String, PiiRedactor.Redaction> redact) {
    this.chat = chat;
    this.unsupported = unsupported;
    this.redact = redact;
  }

  /** The answer, or empty (with the reason in {@code events}) when it must not be used. */
  public Optional<Answer> answer(
      String question, String domainName, List<Passage> passages, List<GuardrailEvent> events) {
    String generated;
    try {
      generated =
          chat.apply(GroundedPrompt.system(domainName), GroundedPrompt.user(question, passages));
    } catch (RuntimeException e) {
      events.add(new GuardrailEvent("GENERATION_FAILED", "answer", String.valueOf(e.getMessage())));
      return Optional.empty();
    }
    if (generated == null || generated.isBlank()) {
      events.add(new GuardrailEvent("GENERATION_FAILED", "answer", "empty answer"));
      return Optional.empty();
    }
    List<String> unsupported =
        this.unsupported.apply(generated, passages.stream().map(Passage::text).toList());
    if (!unsupported.isEmpty()) {
      events.add(
          new GuardrailEvent(
              "UNGROUNDED",
              "output",
              unsupported.size() + " unsupported sentence(s); answered extractively"));
      return Optional.empty();
    }
    String text = generated;
    PiiRedactor.Redaction leak = redact.apply(generated);
    String evidence = String.join("\n", passages.stream().map(Passage::text).toList());
    if (leak.findings().stream()
        .anyMatch(f -> !evidence.contains(generated.substring(f.start(), f.end())))) {
      events.add(
          new GuardrailEvent(
              "PII_LEAK_REDACTED",
              "output",
              leak.findings().stream()
                  .map(PiiRedactor.Finding::type)
                  .distinct()
                  .toList()
                  .toString()));
      text = leak.text();
    }
    List<Integer> cited = GroundedPrompt.cited(text, passages.size());
    List<Passage> citations =
        cited.isEmpty()
            ? passages.subList(0, 1)
            : cited.stream().map(n -> passages.get(n - 1)).toList();
    String html = Text.escape(text);
    for (int i = 0; i < cited.size(); i++) {
      html =
          html.replace(
              "[" + cited.get(i) + "]",
              "<a class=\"cite\" href=\"#cite-" + (i + 1) + "\">{" + (i + 1) + "}</a>");
    }
    html = html.replaceAll("\\{(\\d+)\\}", "[$1]");
    return Optional.of(
        new Answer(
            Answer.Mode.GENERATED, "<p>" + html.replace("\n\n", "</p><p>") + "</p>", citations));
  }
}
