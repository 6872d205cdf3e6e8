package io.infodesk.registry.model;

import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.platform.control.FlywheelSettings;
import io.infodesk.routing.entity.RouteLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a candidate may be promoted: accuracy at least the teacher's minus a tolerance
 * (and, where set, the incumbent's minus a bound), no domain's F1 more than a bound below the
 * incumbent's (out-of-scope is not a domain), and p95 latency within budget.
 */
public final class PromotionGate {

  /**
   * The gate's bounds (accuracy points as fractions, latency in microseconds). {@code
   * maxAccuracyDrop} is how far a candidate's accuracy may fall below the incumbent's (1 = not
   * checked).
   */
  public record Bounds(
      double accuracyTolerance,
      double maxDomainF1Drop,
      double p95BudgetMicros,
      double maxAccuracyDrop) {
    public Bounds(double accuracyTolerance, double maxDomainF1Drop, double p95BudgetMicros) {
      this(accuracyTolerance, maxDomainF1Drop, p95BudgetMicros, 1);
    }

    /** The bounds' defaults, as {@link FlywheelSettings} defines them. */
    public static Bounds defaults() {
      return new Bounds(
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.accuracy-tolerance")),
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.max-domain-f1-drop")),
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.p95-budget-micros")));
    }
  }

  /** The decision and, when it fails, every reason. */
  public record Decision(boolean pass, List<String> reasons) {}

  private PromotionGate() {}

  public static Decision decide(
      Bounds bounds,
      RoutingMetrics.Report teacher,
      RoutingMetrics.Report incumbent,
      RoutingMetrics.Report candidate,
      double candidateP95Micros) {
    List<String> reasons = new ArrayList<>();
    if (candidate.accuracy() < teacher.accuracy() - bounds.accuracyTolerance() - 1e-12) {
      reasons.add(
          String.format(
              "accuracy %.3f is below the teacher's %.3f minus %.3f",
              candidate.accuracy(), teacher.accuracy(), bounds.accuracyTolerance()));
    }
    if (incumbent != null
        && candidate.accuracy() < incumbent.accuracy() - bounds.maxAccuracyDrop() - 1e-12) {
      reasons.add(
          String.format(
              "accuracy %.3f is below the incumbent's %.3f minus %.3f",
              candidate.accuracy(), incumbent.accuracy(), bounds.maxAccuracyDrop()));
    }
    if (incumbent != null) {
      for (Map.Entry<String, RoutingMetrics.PerLabel> e : incumbent.perLabel().entrySet()) {
        if (e.getKey().equals(RouteLabels.OOS)) {
          // declining is not a domain: its F1 swings with the few out-of-scope examples a held-out
          // set has; overall accuracy covers it
          continue;
        }
        RoutingMetrics.PerLabel now = candidate.perLabel().get(e.getKey());
        if (e.getValue().support() > 0
            && now != null
            && now.f1() < e.getValue().f1() - bounds.maxDomainF1Drop() - 1e-12) {
          reasons.add(
              String.format(
                  "F1 of %s drops from %.3f to %.3f (more than %.3f)",
                  e.getKey(), e.getValue().f1(), now.f1(), bounds.maxDomainF1Drop()));
        }
      }
    }
    if (candidateP95Micros > bounds.p95BudgetMicros()) {
      reasons.add(
          String.format(
              "p95 latency %.0f µs exceeds the budget of %.0f µs",
              candidateP95Micros, bounds.p95BudgetMicros()));
    }
    return new Decision(reasons.isEmpty(), reasons);
  }
}
