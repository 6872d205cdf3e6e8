package io.infodesk.guardrails.boundary;

import io.infodesk.guardrails.model.GroundingCheck;
import io.infodesk.guardrails.model.InputPolicy;
import io.infodesk.guardrails.model.PiiRedactor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The guardrails as configured: employee-id patterns for PII redaction, blocked topics, and the
 * grounding threshold for generated answers. Other features ask it questions; its policies stay its
 * own.
 */
@ApplicationScoped
public class GuardrailService {

  public static final String DEFAULT_EMPLOYEE_ID = "\\bEMP-?\\d{5,8}\\b";

  @Inject Config config;

  private PiiRedactor redactor;
  private InputPolicy inputPolicy;
  private GroundingCheck grounding;

  @PostConstruct
  void configure() {
    redactor =
        new PiiRedactor(
            split(
                config
                    .getOptionalValue("infodesk.guardrails.employee-id-patterns", String.class)
                    .orElse(DEFAULT_EMPLOYEE_ID),
                ";;"));
    inputPolicy =
        new InputPolicy(
            split(
                config
                    .getOptionalValue("infodesk.guardrails.blocked-topics", String.class)
                    .orElse(""),
                ","));
    grounding =
        new GroundingCheck(
            config
                .getOptionalValue("infodesk.guardrails.grounding-min-support", Double.class)
                .orElse(0.6));
  }

  private static List<String> split(String value, String separator) {
    return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The text with personal data (e-mail, phone, card, IBAN, national and employee ids) masked. */
  public PiiRedactor.Redaction redact(String text) {
    return redactor.redact(text);
  }

  /** Why the text looks like a prompt injection, if it does. */
  public Optional<String> injection(String text) {
    return inputPolicy.injection(text);
  }

  /** The blocked topic the question is about, if any. */
  public Optional<String> blockedTopic(String question) {
    return inputPolicy.blockedTopic(question);
  }

  /** The sentences of a generated answer that the passages do not support. */
  public List<String> unsupported(String answer, List<String> passages) {
    return grounding.unsupported(answer, passages);
  }
}
