package io.infodesk.review.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns reviewers' votes into an outcome. A vote is a decision with its domain (for
 * CORRECT_DOMAIN); SKIPs are not votes. Under {@code UNANIMOUS} the first disagreement is a
 * dispute; under {@code MAJORITY} the item waits for the required number of votes and is decided by
 * more than half of them, or disputed.
 */
public final class Consensus {

  /** How votes agree. */
  public enum Rule {
    MAJORITY,
    UNANIMOUS;

    public static Rule parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "infodesk.review.consensus='" + value + "' must be majority or unanimous");
      }
    }
  }

  /** A vote: the decision and, for CORRECT_DOMAIN, the domain. */
  public record Vote(String decision, String domain) {}

  /** PENDING (more votes needed), DECIDED (with the winning vote) or DISPUTED. */
  public record Outcome(String status, Vote decided) {
    static final Outcome PENDING = new Outcome("PENDING", null);
    static final Outcome DISPUTED = new Outcome("DISPUTED", null);
  }

  private Consensus() {}

  public static Outcome of(List<Vote> votes, int required, Rule rule) {
    if (required < 1) {
      throw new IllegalArgumentException("at least one vote is required");
    }
    List<Vote> counted = votes.stream().filter(v -> !"SKIP".equals(v.decision())).toList();
    Map<Vote, Integer> tally = new LinkedHashMap<>();
    counted.forEach(v -> tally.merge(v, 1, Integer::sum));
    if (rule == Rule.UNANIMOUS && tally.size() > 1) {
      return Outcome.DISPUTED;
    }
    if (counted.size() < required) {
      return Outcome.PENDING;
    }
    Map.Entry<Vote, Integer> top =
        tally.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    boolean unique =
        tally.values().stream().filter(c -> Objects.equals(c, top.getValue())).count() == 1;
    if (unique && top.getValue() * 2 > counted.size()) {
      return new Outcome("DECIDED", top.getKey());
    }
    return Outcome.DISPUTED;
  }
}
