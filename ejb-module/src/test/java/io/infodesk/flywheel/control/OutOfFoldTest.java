package io.infodesk.flywheel.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.curation.model.Curation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judge's evidence says how far it can be trusted: the share of held-out examples its fold
 * students route right, which the cycle compares with the teacher's before the judge may overrule a
 * route.
 */
class OutOfFoldTest {

  @Test
  void theFoldStudentsAccuracyIsMeasuredOnTheHeldOutExamples() throws Exception {
    List<Curation.Example> rows = TrainingPipelineTest.fixture();
    Curation.Split split = Curation.stratified(rows, 0.25, 7);

    OutOfFold.Result folds =
        OutOfFold.of(split.train(), split.eval(), TrainingPipelineTest.LABELS, 1);
    assertThat(folds.student()).isNotNull();
    assertThat(folds.probabilities()).hasSize(split.train().size());
    assertThat(folds.accuracy()).as("students that learned the fixture").isGreaterThan(0.5);

    List<Curation.Example> unknowable =
        split.eval().stream()
            .map(e -> new Curation.Example(e.text(), "nowhere", e.vector()))
            .toList();
    assertThat(OutOfFold.of(split.train(), unknowable, TrainingPipelineTest.LABELS, 1).accuracy())
        .as("held-out labels no student can give")
        .isZero();
    assertThat(OutOfFold.Result.NONE.accuracy()).isZero();
  }
}
