package io.infodesk.curation.control;

import io.infodesk.routing.entity.RouteLabels;
import java.util.Optional;

/**
 * The label one routed question earns from what happened to it, strongest evidence first: an SME's
 * correction, an SME's confirmation, the employee's own correction, then the route itself when the
 * employee did not rate it or was satisfied. An unsatisfied rating without a correction gives no
 * label: the route may be wrong and nobody said what is right.
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
    if (rating == null || "up".equals(rating)) {
      return Optional.of(new Label(routed, "LOGGED"));
    }
    return Optional.empty();
  }
}
