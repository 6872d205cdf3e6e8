package io.infodesk.flywheel.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.review.model.Learning;
import io.infodesk.routing.entity.RouterModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cycle's automatic promotion. DemoStoryIT failed in a clean-clone CI run because the cycle
 * promoted a candidate another test's cycle had left (accuracy 0.75, gated loosely back then) over
 * the live student (1.0): the decision looked at every CANDIDATE ever trained.
 */
class FlywheelStepsTest {

  static RouterModel candidate(String version, double accuracy) {
    RouterModel m = new RouterModel(version, "minilm-mlp", "hr,it", new byte[0], "", 0.5, 1);
    m.evaluated("{\"accuracy\":" + accuracy + "}", "{}", "", "cpu");
    return m;
  }

  @Test
  void theCyclePromotesOnlyWhatItTrainedItself() throws Exception {
    RouterModel stale = candidate("earlier-cycle", 0.99);
    Thread.sleep(5);
    Instant started = Instant.now();
    RouterModel weaker = candidate("this-cycle-a", 0.80);
    RouterModel better = candidate("this-cycle-b", 0.90);

    assertThat(FlywheelSteps.bestOfCycle(List.of(stale, weaker, better), started))
        .containsSame(better);
    assertThat(FlywheelSteps.bestOfCycle(List.of(stale), started))
        .as("an earlier cycle's candidate waits for an admin")
        .isEmpty();
    assertThat(FlywheelSteps.bestOfCycle(List.of(), started)).isEmpty();
  }

  @Test
  void theJudgeOverrulesRoutesOnlyWithEvidenceAsGoodAsTheTeacher() {
    Learning weaker = new Learning(List.of(), Map.of(), q -> Map.of("hr", 1.0), 0.75, 0.963);
    Learning better = new Learning(List.of(), Map.of(), q -> Map.of("hr", 1.0), 0.8, 0.5);
    Learning none = new Learning(List.of(), Map.of(), null, 0.9, 0.5);

    assertThat(weaker.overrulesRoutes()).isFalse();
    assertThat(better.overrulesRoutes()).isTrue();
    assertThat(none.overrulesRoutes()).as("no student out of fold").isFalse();
    assertThat(Learning.NONE.overrulesRoutes()).isFalse();
    assertThat(FlywheelSteps.evidence(weaker))
        .isEqualTo(
            "students out of fold route 75.0% of the frozen evaluation set, the teacher 96.3%:"
                + " routes stand");
    assertThat(FlywheelSteps.evidence(better)).endsWith("the judge may overrule routes");
    assertThat(FlywheelSteps.evidence(none)).isEqualTo("too little learned to overrule a route");
  }

  @Test
  void automaticPromotionWaitsForAFrozenSetLargeEnoughToTellStudentsFromTheTeacher() {
    assertThat(FlywheelSteps.tooFewToPromote(4, 20))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("has 4 examples", "needs 20", "/api/datasets/frozen-eval/extension"));
    assertThat(FlywheelSteps.tooFewToPromote(20, 20)).isEmpty();
    assertThat(FlywheelSteps.tooFewToPromote(27, 20)).isEmpty();
  }
}
