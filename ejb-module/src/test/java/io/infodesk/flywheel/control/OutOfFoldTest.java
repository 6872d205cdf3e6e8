package io.infodesk.flywheel.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.curation.model.Curation;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  @Test
  void bothFoldsTrainedAtOnceGiveTheEvidenceOfOneAfterTheOther() throws Exception {
    List<Curation.Example> rows = TrainingPipelineTest.fixture();
    Curation.Split split = Curation.stratified(rows, 0.25, 7);
    OutOfFold.Result alone =
        OutOfFold.of(split.train(), split.eval(), TrainingPipelineTest.LABELS, 3);

    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      OutOfFold.Result together =
          OutOfFold.of(split.train(), split.eval(), TrainingPipelineTest.LABELS, 3, two);
      assertThat(together.probabilities()).isEqualTo(alone.probabilities());
      assertThat(together.accuracy()).isEqualTo(alone.accuracy());
      assertThat(together.validationScores())
          .as("the first fold's scores, then the second's")
          .isEqualTo(alone.validationScores());
      String question = split.eval().get(0).text();
      assertThat(together.student().route(question).scores())
          .as("the first fold's student")
          .isEqualTo(alone.student().route(question).scores());
    } finally {
      two.shutdownNow();
    }
  }
}
