package io.infodesk.registry.model;

import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.platform.control.FlywheelSettings;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.routing.model.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Decides whether a candidate may be promoted: accuracy at least the teacher's minus a tolerance,
 * which is the price of being cheaper than the teacher ({@link Router.Cost}): one that costs what
 * the teacher does gets its own tolerance, none by default (and, where set, the incumbent's minus a
 * bound), no domain's F1 more than a bound below the incumbent's (out-of-scope is not a domain), no
 * out-of-scope recall more than that bound below the incumbent's (on a held-out set with few
 * out-of-scope examples a candidate that stops declining can be the more accurate), and p95 latency
 * within budget.
 *
 * <p>A domain's F1 is measured on its few held-out examples, so a drop counts only when it is
 * larger than the bound and larger than those examples' sampling noise: {@code z} standard errors
 * of the difference of two F1s measured on {@code support} examples, with {@code z} the normal
 * quantile at {@link #CONFIDENCE} over all the domains checked (Bonferroni). With 20 examples per
 * label, as on a 60-intent dataset, one error moves F1 by about 5 points, and a bound of 5 points
 * alone refused every candidate, however much better overall.
 */
public final class PromotionGate {

  /**
   * The gate's bounds (accuracy points as fractions, latency in microseconds). {@code
   * accuracyTolerance} is how far below the teacher's accuracy a candidate cheaper than the teacher
   * may be, {@code sameCostTolerance} one that is not. {@code maxAccuracyDrop} is how far a
   * candidate's accuracy may fall below the incumbent's (1 = not checked).
   */
  public record Bounds(
      double accuracyTolerance,
      double maxDomainF1Drop,
      double p95BudgetMicros,
      double maxAccuracyDrop,
      double sameCostTolerance) {
    public Bounds(double accuracyTolerance, double maxDomainF1Drop, double p95BudgetMicros) {
      this(accuracyTolerance, maxDomainF1Drop, p95BudgetMicros, 1);
    }

    public Bounds(
        double accuracyTolerance,
        double maxDomainF1Drop,
        double p95BudgetMicros,
        double maxAccuracyDrop) {
      this(
          accuracyTolerance,
          maxDomainF1Drop,
          p95BudgetMicros,
          maxAccuracyDrop,
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.same-cost-tolerance")));
    }

    /** The bounds' defaults, as {@link FlywheelSettings} defines them. */
    public static Bounds defaults() {
      return new Bounds(
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.accuracy-tolerance")),
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.max-domain-f1-drop")),
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.p95-budget-micros")),
          1,
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.same-cost-tolerance")));
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
      double candidateP95Micros,
      Router.Cost teacherCost,
      Router.Cost candidateCost) {
    List<String> reasons = new ArrayList<>();
    boolean cheaper = candidateCost.compareTo(teacherCost) < 0;
    double tolerance = cheaper ? bounds.accuracyTolerance() : bounds.sameCostTolerance();
    if (candidate.accuracy() < teacher.accuracy() - tolerance - 1e-12) {
      reasons.add(
          cheaper
              ? String.format(
                  "accuracy %.3f is below the teacher's %.3f minus %.3f",
                  candidate.accuracy(), teacher.accuracy(), tolerance)
              : String.format(
                  "accuracy %.3f is below the teacher's %.3f minus %.3f, the tolerance for a"
                      + " candidate no cheaper than the teacher (it %s, as the teacher does)",
                  candidate.accuracy(),
                  teacher.accuracy(),
                  tolerance,
                  candidateCost.description()));
    }
    if (incumbent != null
        && candidate.accuracy() < incumbent.accuracy() - bounds.maxAccuracyDrop() - 1e-12) {
      reasons.add(
          String.format(
              "accuracy %.3f is below the incumbent's %.3f minus %.3f",
              candidate.accuracy(), incumbent.accuracy(), bounds.maxAccuracyDrop()));
    }
    if (incumbent != null) {
      // declining is not a domain: its F1 also falls when a candidate declines more in-scope
      // questions, which accuracy already counts; its recall is checked below
      List<String> checked =
          incumbent.perLabel().entrySet().stream()
              .filter(e -> !e.getKey().equals(RouteLabels.OOS))
              .filter(e -> e.getValue().support() > 0)
              .filter(e -> candidate.perLabel().containsKey(e.getKey()))
              .map(Map.Entry::getKey)
              .toList();
      RoutingMetrics.PerLabel oosWas = incumbent.perLabel().get(RouteLabels.OOS);
      boolean checkOos = oosWas != null && oosWas.support() > 0;
      int checks = checked.size() + (checkOos ? 1 : 0);
      double z = checks == 0 ? 0 : z(checks);
      for (String label : checked) {
        RoutingMetrics.PerLabel was = incumbent.perLabel().get(label);
        RoutingMetrics.PerLabel now = candidate.perLabel().get(label);
        drop("F1 of " + label, was.f1(), now.f1(), was.support(), z, bounds)
            .ifPresent(reasons::add);
      }
      // overall accuracy does not cover declining on a held-out set with few out-of-scope
      // examples: a candidate that stops declining can be the more accurate
      RoutingMetrics.PerLabel oosNow = candidate.perLabel().get(RouteLabels.OOS);
      if (checkOos && oosNow != null) {
        drop("out-of-scope recall", oosWas.recall(), oosNow.recall(), oosWas.support(), z, bounds)
            .ifPresent(reasons::add);
      }
    }
    if (candidateP95Micros > bounds.p95BudgetMicros()) {
      reasons.add(
          String.format(
              "p95 latency %.0f µs on the ask path exceeds the budget of %.0f µs",
              candidateP95Micros, bounds.p95BudgetMicros()));
    }
    return new Decision(reasons.isEmpty(), reasons);
  }

  /**
   * Why a measure that fell from {@code was} to {@code now} on {@code support} examples refuses the
   * candidate, when it fell more than the bound and more than the noise of those examples.
   */
  private static java.util.Optional<String> drop(
      String what, double was, double now, int support, double z, Bounds bounds) {
    double noise = z * standardError(was, now, support);
    double allowed = Math.max(bounds.maxDomainF1Drop(), noise);
    if (now >= was - allowed - 1e-12) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        noise > bounds.maxDomainF1Drop()
            ? String.format(
                "%s drops from %.3f to %.3f (more than %.3f, and more than the %.3f its %d"
                    + " examples cannot tell apart)",
                what, was, now, bounds.maxDomainF1Drop(), noise, support)
            : String.format(
                "%s drops from %.3f to %.3f (more than %.3f)",
                what, was, now, bounds.maxDomainF1Drop()));
  }

  /** The confidence that a domain's F1 drop the gate refuses is not sampling noise. */
  public static final double CONFIDENCE = 0.95;

  /** The one-sided normal quantile at {@link #CONFIDENCE} shared by {@code labels} checks. */
  static double z(int labels) {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - CONFIDENCE) / labels);
  }

  /**
   * The standard error of the difference of two F1s, each treated as a share of {@code n} and moved
   * by one success and one failure towards a half (as Agresti and Coull do), so that an F1 of
   * exactly 1 or 0 on a few examples is not taken for a certainty.
   */
  static double standardError(double f1Before, double f1After, int n) {
    double before = (f1Before * n + 1) / (n + 2);
    double after = (f1After * n + 1) / (n + 2);
    return Math.sqrt((before * (1 - before) + after * (1 - after)) / n);
  }
}
