package io.infodesk.evaluation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.routing.model.ExpectedAccuracy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics against a fixture computed by hand. */
class RoutingMetricsTest {

  // gold:      hr hr hr it it oos oos finance
  // predicted: hr hr it it hr oos hr  finance
  static final List<String> GOLD = List.of("hr", "hr", "hr", "it", "it", "oos", "oos", "finance");
  static final List<String> PRED = List.of("hr", "hr", "it", "it", "hr", "oos", "hr", "finance");

  @Test
  void matchesTheHandComputedFigures() {
    RoutingMetrics.Report r = RoutingMetrics.score(List.of("hr", "it", "finance"), GOLD, PRED);
    assertThat(r.accuracy()).isEqualTo(5.0 / 8);
    // hr: tp 2, predicted 4, support 3 -> p 0.5, r 2/3, f1 4/7
    assertThat(r.perLabel().get("hr").precision()).isEqualTo(0.5);
    assertThat(r.perLabel().get("hr").recall()).isCloseTo(2.0 / 3, offset(1e-12));
    assertThat(r.perLabel().get("hr").f1()).isCloseTo(4.0 / 7, offset(1e-12));
    // it: tp 1, predicted 2, support 2 -> 0.5, 0.5, 0.5 ; finance: 1, 1, 1
    assertThat(r.perLabel().get("it").f1()).isEqualTo(0.5);
    assertThat(r.perLabel().get("finance").f1()).isEqualTo(1.0);
    assertThat(r.macroF1()).isCloseTo((4.0 / 7 + 0.5 + 1.0) / 3, offset(1e-12));
    // oos: tp 1, predicted 1, support 2
    assertThat(r.oosRecall()).isEqualTo(0.5);
    assertThat(r.oosPrecision()).isEqualTo(1.0);
    assertThat(r.confusion().get("oos").get("hr")).isEqualTo(1);
    assertThat(r.confusion().get("hr").get("it")).isEqualTo(1);
    assertThat(r.total()).isEqualTo(8);
  }

  @Test
  void expectedAccuracyWeighsDecliningByTheExpectedOutOfScopeShare() {
    RoutingMetrics.Report r = RoutingMetrics.score(List.of("hr", "it", "finance"), GOLD, PRED);
    // in scope: 4 of 6 right (hr, hr, it, finance); out of scope: 1 of 2 declined
    double share = ExpectedAccuracy.OUT_OF_SCOPE_SHARE;
    assertThat(r.expectedAccuracy()).isCloseTo((1 - share) * 4 / 6 + share * 0.5, offset(1e-12));
    // a router that declines nothing loses the out-of-scope share, however accurate in scope;
    // on this set, where one question in eight is out of scope, plain accuracy hides it
    RoutingMetrics.Report neverDeclines =
        RoutingMetrics.score(
            List.of("hr", "it"),
            List.of("hr", "hr", "it", "it", "it", "it", "it", "oos"),
            List.of("hr", "hr", "it", "it", "it", "it", "it", "it"));
    assertThat(neverDeclines.accuracy()).isEqualTo(7.0 / 8);
    assertThat(neverDeclines.expectedAccuracy()).isCloseTo(1 - share, offset(1e-12));
    // examples of one kind only: plain accuracy
    RoutingMetrics.Report inScopeOnly =
        RoutingMetrics.score(
            List.of("hr", "it"), List.of("hr", "it", "it"), List.of("hr", "it", "hr"));
    assertThat(inScopeOnly.expectedAccuracy()).isEqualTo(inScopeOnly.accuracy());
    RoutingMetrics.Report outOfScopeOnly =
        RoutingMetrics.score(List.of("hr"), List.of("oos", "oos"), List.of("oos", "hr"));
    assertThat(outOfScopeOnly.expectedAccuracy()).isEqualTo(0.5);
  }

  @Test
  void percentilesByNearestRank() {
    List<Double> v = List.of(5.0, 1.0, 3.0, 2.0, 4.0, 10.0, 7.0, 6.0, 9.0, 8.0);
    assertThat(RoutingMetrics.percentile(v, 50)).isEqualTo(5.0);
    assertThat(RoutingMetrics.percentile(v, 95)).isEqualTo(10.0);
    assertThat(RoutingMetrics.percentile(List.of(), 95)).isZero();
  }

  @Test
  void refusesMismatchedInput() {
    assertThatThrownBy(() -> RoutingMetrics.score(List.of("hr"), List.of("hr"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
