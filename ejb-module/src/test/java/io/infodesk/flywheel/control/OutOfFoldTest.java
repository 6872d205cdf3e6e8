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
        OutOfFold.of(split.train(), split.eval(), TrainingPipelineTest.LABELS, 1, q -> null);
    assertThat(folds.student()).isNotNull();
    assertThat(folds.probabilities()).hasSize(split.train().size());
    assertThat(folds.accuracy()).as("students that learned the fixture").isGreaterThan(0.5);

    List<Curation.Example> unknowable =
        split.eval().stream()
            .map(e -> new Curation.Example(e.text(), "nowhere", e.vector()))
            .toList();
    assertThat(
            OutOfFold.of(split.train(), unknowable, TrainingPipelineTest.LABELS, 1, q -> null)
                .accuracy())
        .as("held-out labels no student can give")
        .isZero();
    assertThat(OutOfFold.Result.NONE.accuracy()).isZero();
  }

  @Test
  void theFamilyThatRoutesTheHeldOutExamplesBetterGivesTheEvidence() throws Exception {
    // texts the n-grams cannot learn from (a random token each), vectors that name the label: the
    // MiniLM student's evidence is the one to trust
    List<String> labels = TrainingPipelineTest.LABELS;
    java.util.Random random = new java.util.Random(3);
    List<Curation.Example> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String label = labels.get(i % labels.size());
      float[] v = new float[16];
      v[i % labels.size()] = 1;
      v[10 + random.nextInt(6)] = 0.3f;
      rows.add(new Curation.Example("q" + Long.toString(random.nextLong(), 36), label, v));
    }
    Curation.Split split = Curation.stratified(rows, 0.25, 7);
    OutOfFold.Result folds = OutOfFold.of(split.train(), split.eval(), labels, 1, q -> null);
    assertThat(folds.accuracy()).isGreaterThan(0.9);
    assertThat(folds.student().needsEmbedding()).as("the MiniLM student's family").isTrue();
  }
}
