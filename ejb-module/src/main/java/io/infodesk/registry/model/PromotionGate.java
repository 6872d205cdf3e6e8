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
 * the teacher does gets its own tolerance, none by default; accuracy no more than a bound below a
 * live student's, beyond the noise of the held-out examples (a cycle never replaces the live
 * student with one they show is worse), no domain's F1 more than a bound below the incumbent's
 * (out-of-scope is not a domain), no out-of-scope recall more than that bound below the incumbent's
 * (on a held-out set with few out-of-scope examples a candidate that stops declining can be the
 * more accurate), and p95 latency within budget.
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
   * candidate's accuracy may fall below a live student's, or more where the held-out examples
   * cannot tell so small a drop from noise (1 = not checked; a live teacher is checked with the
   * tolerances alone).
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
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.max-accuracy-drop")),
          Double.parseDouble(FlywheelSettings.defaultOf("infodesk.gates.same-cost-tolerance")));
    }

    /** These bounds with another {@code maxAccuracyDrop}. */
    public Bounds withMaxAccuracyDrop(double drop) {
      return new Bounds(
          accuracyTolerance, maxDomainF1Drop, p95BudgetMicros, drop, sameCostTolerance);
    }
  }

  /** The decision and, when it fails, every reason. */
  public record Decision(boolean pass, List<String> reasons) {}

  private PromotionGate() {}

  /**
   * @param outOfScopeShare the share of the traffic out of scope that the candidates' decline
   *     thresholds were tuned for: against a live student, the candidate's accuracy on such traffic
   *     is compared (the expected accuracy), as the best candidate is chosen by it
   */
  public static Decision decide(
      Bounds bounds,
      RoutingMetrics.Report teacher,
      RoutingMetrics.Report incumbent,
      RoutingMetrics.Report candidate,
      double candidateP95Micros,
      Router.Cost teacherCost,
      Router.Cost candidateCost,
      double outOfScopeShare) {
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
    if (incumbent != null && !incumbent.equals(teacher) && bounds.maxAccuracyDrop() < 1) {
      belowLive(bounds, incumbent, candidate, outOfScopeShare).ifPresent(reasons::add);
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

  /**
   * Why a candidate is worse than a live student, if it is. A live teacher has its own check, whose
   * tolerance is the price of being cheaper. The comparison is on traffic as the candidates were
   * tuned for ({@code share} out of scope: in-scope accuracy and out-of-scope recall weighed so),
   * as the best candidate is chosen: a held-out set with few out-of-scope questions would count a
   * candidate that declines more as worse. The live student was chosen for its score on these
   * examples, so a little of its lead is luck: a drop counts beyond the bound and beyond the noise
   * of the examples (in-scope and out-of-scope ones each).
   */
  static java.util.Optional<String> belowLive(
      Bounds bounds, RoutingMetrics.Report live, RoutingMetrics.Report candidate, double share) {
    RoutingMetrics.Kinds before = live.kinds();
    RoutingMetrics.Kinds after = candidate.kinds();
    int inScope = before.inScope();
    int oos = before.oos();
    boolean weighed = oos > 0 && inScope > 0;
    double was = live.expectedAccuracy(share);
    double now = candidate.expectedAccuracy(share);
    double noise =
        z(1)
            * (weighed
                ? Math.hypot(
                    (1 - share)
                        * standardError(
                            (double) before.inScopeRight() / inScope,
                            (double) after.inScopeRight() / inScope,
                            inScope),
                    share
                        * standardError(
                            (double) before.oosRight() / oos, (double) after.oosRight() / oos, oos))
                : standardError(live.accuracy(), candidate.accuracy(), live.total()));
    double allowed = Math.max(bounds.maxAccuracyDrop(), noise);
    if (now >= was - allowed - 1e-12) {
      return java.util.Optional.empty();
    }
    String what =
        weighed
            ? String.format("accuracy on traffic %.0f%% out of scope %.3f", 100 * share, now)
            : String.format("accuracy %.3f", now);
    return java.util.Optional.of(
        noise > bounds.maxAccuracyDrop()
            ? String.format(
                "%s is below the live router's %.3f by more than the bound of %.3f and the %.3f"
                    + " its %d examples cannot tell apart",
                what, was, bounds.maxAccuracyDrop(), noise, live.total())
            : String.format("%s is below the live router's %.3f minus %.3f", what, was, allowed));
  }

  /** The confidence that a domain's F1 drop the gate refuses is not sampling noise. */
  public static final double CONFIDENCE = 0.95;

  /** The one-sided normal quantile at {@link #CONFIDENCE} shared by {@code labels} checks. */
  static double z(int labels) {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - CONFIDENCE) / labels);
  }

  /**
   * The standard error of the difference of two F1s (or accuracies), each treated as a share of
   * {@code n} and moved by one success and one failure towards a half (as Agresti and Coull do), so
   * that an F1 of exactly 1 or 0 on a few examples is not taken for a certainty.
   */
  static double standardError(double f1Before, double f1After, int n) {
    double before = (f1Before * n + 1) / (n + 2);
    double after = (f1After * n + 1) / (n + 2);
    return Math.sqrt((before * (1 - before) + after * (1 - after)) / n);
  }
}
