package io.infodesk.curation.control;

import io.infodesk.review.model.JudgeLabel;
import io.infodesk.routing.entity.RouteLabels;
import java.util.Optional;

/**
 * The label one routed question earns from what happened to it, strongest evidence first: an SME's
 * correction, an SME's confirmation, the employee's own correction, then the route itself when the
 * employee did not rate it or was satisfied. An unsatisfied rating without a correction gives no
 * label: the route may be wrong and nobody said what is right, unless the judge's learned evidence
 * is confident of the right label ({@code RELABELED_BY_JUDGE}). Where no SME has decided, the judge
 * may also set aside a route's label that the evidence contradicts ({@code SET_ASIDE_BY_JUDGE}:
 * kept in the dataset version, out of training).
 */
public final class LabelRule {

  /** A label and where it came from (a provenance such as RELABELED_BY_SME). */
  public record Label(String label, String provenance) {}

  private LabelRule() {}

  /**
   * @param routed the routed domain, or {@link RouteLabels#OOS}
   * @param reviewDecision the SME decision, or null
   * @param reviewDomain the SME's domain with CORRECT_DOMAIN
   * @param rating "up", "down" or null without feedback
   * @param correctDomain the employee's corrected domain, or null
   */
  public static Optional<Label> of(
      String routed,
      String reviewDecision,
      String reviewDomain,
      String rating,
      String correctDomain) {
    return of(routed, reviewDecision, reviewDomain, rating, correctDomain, null);
  }

  /**
   * @param judge the judge's opinion of the question's label, or null; it counts only where no SME
   *     has decided and the employee gave no correction
   */
  public static Optional<Label> of(
      String routed,
      String reviewDecision,
      String reviewDomain,
      String rating,
      String correctDomain,
      JudgeLabel judge) {
    if ("CORRECT_DOMAIN".equals(reviewDecision)) {
      return Optional.of(new Label(RouteLabels.fromCorrection(reviewDomain), "RELABELED_BY_SME"));
    }
    if ("CONFIRM_ROUTE".equals(reviewDecision)) {
      return Optional.of(new Label(routed, "CONFIRMED_BY_SME"));
    }
    if (correctDomain != null) {
      return Optional.of(
          new Label(RouteLabels.fromCorrection(correctDomain), "RELABELED_BY_EMPLOYEE"));
    }
    boolean undecided = reviewDecision == null && judge != null;
    if (rating == null || "up".equals(rating)) {
      return Optional.of(
          new Label(
              routed,
              undecided && judge.kind() == JudgeLabel.Kind.SET_ASIDE
                  ? JudgeLabel.SET_ASIDE_PROVENANCE
                  : "LOGGED"));
    }
    if (undecided && judge.kind() == JudgeLabel.Kind.RELABEL) {
      return Optional.of(new Label(judge.label(), JudgeLabel.RELABELED));
    }
    return Optional.empty();
  }
}
