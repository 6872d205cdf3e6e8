package io.infodesk.review.model;

import java.util.Optional;

/**
 * The judge's opinion of one question's label when no SME has decided it, from the learned evidence
 * ({@code LabelSuspicion}): a question the employee rated down, which has no label, gets the label
 * the evidence confidently places it in ({@link Kind#RELABEL}); a label the route earned without a
 * complaint ({@code LOGGED}) that the evidence confidently contradicts is left out of training
 * ({@link Kind#SET_ASIDE}). Both are the judge's opinion of the moment: every cycle judges again,
 * and an SME's decision or the employee's own correction always wins.
 *
 * @param label the label the evidence suggests (may be null for a set-aside label)
 * @param probability for {@link Kind#RELABEL} the evidence's probability for {@code label}, for
 *     {@link Kind#SET_ASIDE} the probability that the current label is wrong
 */
public record JudgeLabel(Kind kind, String label, double probability, String reason) {

  /** What the judge does with a label. */
  public enum Kind {
    RELABEL,
    SET_ASIDE
  }

  /** The provenance of a label the judge gave. */
  public static final String RELABELED = "RELABELED_BY_JUDGE";

  /** The provenance of a LOGGED label the judge left out of training. */
  public static final String SET_ASIDE_PROVENANCE = "SET_ASIDE_BY_JUDGE";

  /** The probability of a wrong LOGGED label from which it stays out of training. */
  public static final double SET_ASIDE_FROM = 0.7;

  /**
   * The evidence's probability for another label from which the judge labels a rated-down question.
   */
  public static final double RELABEL_FROM = 0.6;

  /**
   * @param provenance where the current label comes from: {@code LOGGED} (or {@link
   *     #SET_ASIDE_PROVENANCE}, set aside before), null when the question has no label (rated down
   *     without a correction); other provenances are human labels the judge leaves alone
   * @param wrongProbability how likely the current label (the route) is wrong
   * @param suggested the likeliest other label, or null
   * @param suggestedProbability the learned evidence's probability for {@code suggested}
   */
  public static Optional<JudgeLabel> of(
      String provenance,
      double wrongProbability,
      String suggested,
      double suggestedProbability,
      String reason) {
    if (provenance == null) {
      return suggested != null && suggestedProbability >= RELABEL_FROM
          ? Optional.of(new JudgeLabel(Kind.RELABEL, suggested, suggestedProbability, reason))
          : Optional.empty();
    }
    if (("LOGGED".equals(provenance) || SET_ASIDE_PROVENANCE.equals(provenance))
        && wrongProbability >= SET_ASIDE_FROM) {
      return Optional.of(new JudgeLabel(Kind.SET_ASIDE, suggested, wrongProbability, reason));
    }
    return Optional.empty();
  }
}
