package io.infodesk.guardrails.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Heuristics against prompt injection, and the operator's blocked topics. Either makes InfoDesk
 * refuse the question politely instead of routing it. The patterns see the text normalised (NFKC,
 * look-alike letters, zero-width characters, case, line breaks) and once more with digits read as
 * letters; {@code InjectionCorpusTest} measures them on 50 known phrasings and 50 benign questions.
 */
public final class InputPolicy {

  private static final int F = Pattern.DOTALL;

  /** Words that tell a model to drop what it was told, and what it was told. */
  private static final String OVERRIDE =
      "\\b(ignore|disregard|forget|override|bypass|skip|drop|abandon|stop following|do not follow"
          + "|don't follow|no longer follow)\\b";

  private static final String ORDERS =
      "\\b(instructions?|prompts?|rules?|directions?|guidelines?|polic(y|ies)|programming"
          + "|system prompt|content policy|everything above|the above)\\b";

  private static final List<Pattern> INJECTION =
      List.of(
          // "ignore (all) (previous|your|the above) instructions", across line breaks
          Pattern.compile(OVERRIDE + ".{0,60}?" + ORDERS, F),
          Pattern.compile(
              "\\b(ignore|disregard|forget)\\b.{0,20}\\b(everything|all)\\b.{0,10}\\babove\\b", F),
          // prompt leaks
          Pattern.compile(
              "\\b(reveal|show|print|repeat|leak|output|tell me|what (is|are|were))\\b.{0,40}"
                  + "\\b(system|hidden|initial|original|your)\\s+(prompt|instructions?|message|rules)",
              F),
          Pattern.compile(
              "\\b(what were you told|repeat (the|everything|all) (text )?above"
                  + "|output everything before|print everything above|word for word)\\b",
              F),
          // role play and persona switches
          Pattern.compile(
              "\\byou are now\\b|\\byou are no longer\\b|\\bfrom now on,? you\\b"
                  + "|\\bpretend (to be|you are|you're)\\b|\\broleplay as\\b|\\brole-play as\\b"
                  + "|\\bact as (an? )?(unfiltered|unrestricted|jailbroken|evil)"
                  + "|\\bsimulate an? (\\w+ ){0,3}(without|with no) (any )?(restrictions|rules|filters)"
                  + "|\\bas if you had no\\b",
              F),
          Pattern.compile(
              "\\b(jailbreak|developer mode|dan mode|god mode|do anything now|no restrictions"
                  + "|without (any )?(restrictions|filters|rules))\\b",
              F),
          Pattern.compile("\\b(your new task|new instructions?|new policy)\\b\\s*(is|are|:)", F),
          // fake chat markup
          Pattern.compile(
              "</?(system|assistant|instructions?)>|\\[/?inst\\]|<\\|im_(start|end)\\|>"
                  + "|###\\s*(system|instruction)|^\\s*system\\s*:",
              F));

  /** Letters that look like Latin ones in other scripts, mapped to the Latin letter. */
  private static final String LOOKALIKES = "аеорсухіѕјԁɡοιανερτκυмнтвк";

  private static final String LATIN = "aeopcyxisjdgoiaveptkumhtbk";

  /**
   * The text as the patterns see it: NFKC (full-width and compatibility forms), no zero-width or
   * combining characters, look-alike letters of other scripts as Latin, lower case, and every run
   * of white space (line breaks too) as one space.
   */
  static String normalize(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
    n = n.replaceAll("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]", "");
    n = Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    n = n.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(n.length());
    for (char c : n.toCharArray()) {
      int i = LOOKALIKES.indexOf(c);
      b.append(i >= 0 ? LATIN.charAt(i) : c);
    }
    return b.toString().replaceAll("\\s+", " ").strip();
  }

  /** Digits and signs written for letters ("1gn0re"), for a second look. */
  static String unLeet(String normalized) {
    return normalized
        .replaceAll("(?<=\\p{L})[0]|[0](?=\\p{L})", "o")
        .replaceAll("(?<=\\p{L})[1]|[1](?=\\p{L})", "i")
        .replaceAll("(?<=\\p{L})[3]|[3](?=\\p{L})", "e")
        .replaceAll("(?<=\\p{L})[4@]|[4@](?=\\p{L})", "a")
        .replaceAll("(?<=\\p{L})[5$]|[5$](?=\\p{L})", "s");
  }

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
    String normalized = normalize(question);
    String unLeet = unLeet(normalized);
    for (Pattern p : INJECTION) {
      if (p.matcher(normalized).find() || p.matcher(unLeet).find()) {
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
