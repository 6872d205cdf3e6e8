package io.infodesk.routing.model;

/**
 * What a router's decline is tuned and chosen on: its accuracy on traffic with {@link
 * #OUT_OF_SCOPE_SHARE} of the questions out of scope. The students' decline thresholds maximise it
 * on the validation split, and of two candidates that pass their gates automatic promotion (and the
 * experiment) takes the one with the higher value; without it an admin chooses.
 *
 * <p>The share is a prior, not a measure. Labelled sets hold few out-of-scope questions (CLINC150's
 * training split 0.7%, its validation split 3%, its test split 18%), and tuned on their own share a
 * threshold would almost never decline. Weighing both kinds equally (a share of 0.5, the balanced
 * accuracy used before) made the students decline in-scope questions they had right: on a tenth of
 * CLINC150 their plain accuracy fell up to 20 points below the zero-shot teacher's and the gates
 * kept the teacher live for five cycles (docs/experiment.md).
 */
public final class ExpectedAccuracy {

  /**
   * The share of an employee's questions a router is expected to meet out of scope, unless an admin
   * sets another ({@code infodesk.training.out-of-scope-share}).
   */
  public static final double OUT_OF_SCOPE_SHARE = 0.2;

  private ExpectedAccuracy() {}

  /**
   * In-scope accuracy ({@code inScopeRight} of {@code inScope} routed right) and out-of-scope
   * recall ({@code oosRight} of {@code oos} declined) weighed by {@link #OUT_OF_SCOPE_SHARE}; plain
   * accuracy where the examples hold one kind only.
   */
  public static double of(int inScopeRight, int inScope, int oosRight, int oos) {
    return of(OUT_OF_SCOPE_SHARE, inScopeRight, inScope, oosRight, oos);
  }

  /**
   * The same, for traffic with {@code share} of its questions out of scope.
   *
   * @throws IllegalArgumentException unless 0 ≤ share &lt; 1
   */
  public static double of(double share, int inScopeRight, int inScope, int oosRight, int oos) {
    requireShare(share);
    if (oos == 0 || inScope == 0) {
      return (double) (inScopeRight + oosRight) / Math.max(1, inScope + oos);
    }
    return (1 - share) * inScopeRight / inScope + share * oosRight / oos;
  }

  /**
   * @return {@code share}
   * @throws IllegalArgumentException unless 0 ≤ share &lt; 1
   */
  public static double requireShare(double share) {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException(
          "the out-of-scope share must be at least 0 and below 1, not " + share);
    }
    return share;
  }
}
