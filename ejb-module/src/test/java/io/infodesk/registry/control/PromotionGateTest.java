package io.infodesk.registry.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.registry.model.PromotionGate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

  static final List<String> LABELS = List.of("hr", "it");

  static RoutingMetrics.Report report(List<String> gold, List<String> predicted) {
    return RoutingMetrics.score(LABELS, gold, predicted);
  }

  static final List<String> GOLD =
      List.of("hr", "hr", "hr", "hr", "it", "it", "it", "it", "oos", "oos");

  @Test
  void aCandidateAsGoodAsTheTeacherAndFastPasses() {
    var teacher =
        report(GOLD, List.of("hr", "hr", "hr", "it", "it", "it", "it", "it", "oos", "hr"));
    var candidate =
        report(GOLD, List.of("hr", "hr", "hr", "hr", "it", "it", "it", "hr", "oos", "oos"));
    var d = PromotionGate.decide(PromotionGate.Bounds.defaults(), teacher, teacher, candidate, 40);
    assertThat(d.pass()).as(d.reasons().toString()).isTrue();
  }

  @Test
  void eachBoundFailsWithItsReason() {
    var teacher = report(GOLD, GOLD);
    var incumbent = report(GOLD, GOLD);
    var worse = report(GOLD, List.of("hr", "hr", "hr", "hr", "hr", "hr", "it", "it", "oos", "oos"));
    var d = PromotionGate.decide(PromotionGate.Bounds.defaults(), teacher, incumbent, worse, 5000);
    assertThat(d.pass()).isFalse();
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("accuracy"));
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("F1 of it"));
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("p95 latency"));
  }

  @Test
  void theToleranceIsInclusive() {
    var teacher = report(GOLD, GOLD);
    var oneMiss =
        report(GOLD, List.of("hr", "hr", "hr", "hr", "it", "it", "it", "it", "oos", "hr"));
    assertThat(
            PromotionGate.decide(new PromotionGate.Bounds(0.10, 1, 1000), teacher, null, oneMiss, 1)
                .pass())
        .isTrue();
    assertThat(
            PromotionGate.decide(new PromotionGate.Bounds(0.09, 1, 1000), teacher, null, oneMiss, 1)
                .pass())
        .isFalse();
  }
}
