package io.infodesk.guardrails.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Heuristics against prompt injection, and the operator's blocked topics. Either makes InfoDesk
 * refuse the question politely instead of routing it.
 */
public final class InputPolicy {

  private static final List<Pattern> INJECTION =
      List.of(
          Pattern.compile(
              "\\b(ignore|disregard|forget)\\b.{0,40}\\b(previous|prior|above|all|earlier|your)\\b.{0,40}\\b(instructions?|prompts?|rules?|directions?)"),
          Pattern.compile(
              "\\b(reveal|show|print|repeat|leak)\\b.{0,40}\\b(system|hidden|initial)\\s+(prompt|instructions?|message)"),
          Pattern.compile(
              "\\byou are now\\b|\\bpretend (to be|you are)\\b|\\bact as (an? )?(unfiltered|unrestricted|jailbroken)"),
          Pattern.compile("\\b(jailbreak|developer mode|dan mode|do anything now)\\b"),
          Pattern.compile(
              "</?(system|assistant|instructions?)>|\\[/?inst\\]|###\\s*(system|instruction)"));

  private final List<String> blockedTopics;

  public InputPolicy(List<String> blockedTopics) {
    this.blockedTopics =
        blockedTopics.stream()
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .filter(t -> !t.isEmpty())
            .toList();
  }

  /** The injection pattern that matched, if any. */
  public Optional<String> injection(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    for (Pattern p : INJECTION) {
      if (p.matcher(q).find()) {
        return Optional.of(
            "prompt-injection pattern: "
                + p.pattern().substring(0, Math.min(40, p.pattern().length())));
      }
    }
    return Optional.empty();
  }

  /** The blocked topic the question touches, if any. */
  public Optional<String> blockedTopic(String question) {
    String q = " " + question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    return blockedTopics.stream()
        .filter(t -> q.contains(" " + t.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " "))
        .findFirst();
  }
}
