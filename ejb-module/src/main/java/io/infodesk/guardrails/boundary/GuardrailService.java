package io.infodesk.guardrails.boundary;

import io.infodesk.guardrails.model.GroundingCheck;
import io.infodesk.guardrails.model.InputPolicy;
import io.infodesk.guardrails.model.PiiRedactor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The guardrails as configured: employee-id patterns for PII redaction, blocked topics, and the
 * grounding threshold for generated answers.
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

  public PiiRedactor redactor() {
    return redactor;
  }

  public InputPolicy inputPolicy() {
    return inputPolicy;
  }

  public GroundingCheck grounding() {
    return grounding;
  }
}
