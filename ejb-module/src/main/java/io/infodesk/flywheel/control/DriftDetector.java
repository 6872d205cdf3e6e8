package io.infodesk.flywheel.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides from sliding windows whether the flywheel should run: satisfaction of the latest ratings,
 * or agreement between the live router and a shadow/teacher route, fell below its threshold. Small
 * windows are not judged, so a handful of ratings cannot trigger a cycle.
 */
public final class DriftDetector {

  /** Thresholds (fractions) and the smallest window that counts. */
  public record Thresholds(double minSatisfaction, double minAgreement, int minWindow) {}

  private final Thresholds thresholds;

  public DriftDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param satisfied the latest ratings, true for thumbs up
   * @param agreed the latest comparisons of the live route with a shadow route
   * @return why a cycle should run, or empty
   */
  public Optional<String> check(List<Boolean> satisfied, List<Boolean> agreed) {
    List<String> reasons = new ArrayList<>();
    rate(satisfied)
        .filter(r -> r < thresholds.minSatisfaction())
        .ifPresent(
            r ->
                reasons.add(
                    String.format(
                        "satisfaction %.2f over the last %d ratings is below %.2f",
                        r, satisfied.size(), thresholds.minSatisfaction())));
    rate(agreed)
        .filter(r -> r < thresholds.minAgreement())
        .ifPresent(
            r ->
                reasons.add(
                    String.format(
                        "router agreement %.2f over the last %d questions is below %.2f",
                        r, agreed.size(), thresholds.minAgreement())));
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  private Optional<Double> rate(List<Boolean> window) {
    if (window.size() < thresholds.minWindow()) {
      return Optional.empty();
    }
    return Optional.of(window.stream().filter(b -> b).count() / (double) window.size());
  }
}
