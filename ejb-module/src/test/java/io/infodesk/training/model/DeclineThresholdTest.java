package io.infodesk.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.curation.model.Curation;
import io.infodesk.routing.model.LinearHead;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclineThresholdTest {

  private static final List<String> LABELS = List.of("hr", "it", "oos");

  /** A head whose probabilities are the softmax of its input: the input is the logits. */
  private static final LinearHead SOFTMAX =
      new LinearHead(
          null, null, new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new float[] {0, 0, 0});

  /** A validation example whose top label is hr with probability {@code p}. */
  private static Curation.Example hr(String gold, double p) {
    float a = (float) Math.log(2 * p / (1 - p));
    return new Curation.Example(gold + " " + p, gold, new float[] {a, 0, 0});
  }

  private static List<Curation.Example> validation(int sure, int unsure) {
    List<Curation.Example> v = new ArrayList<>();
    for (int i = 0; i < sure; i++) {
      v.add(hr("hr", 0.9));
    }
    for (int i = 0; i < unsure; i++) {
      v.add(hr("hr", 0.5));
    }
    // one out-of-scope question, which the head places in hr with more confidence than the unsure
    v.add(hr("oos", 0.6));
    return v;
  }

  @Test
  void aStudentDoesNotDeclineHalfOfWhatItHasRightToCatchOneOutOfScopeQuestion() {
    // declining above 0.6 catches the out-of-scope question and loses five in-scope ones: balanced
    // accuracy (both jobs weighed equally) would take that, 0.75 against 0.5; a fifth of the
    // traffic out of scope makes it 0.6 against 0.8
    double t = StudentRecipe.tuneThreshold(SOFTMAX, LABELS, validation(5, 5), null, 0.2);
    assertThat(t).isLessThanOrEqualTo(0.5);
  }

  @Test
  void itDeclinesWhereTheOutOfScopeQuestionIsWorthMoreThanTheInScopeOnesLost() {
    // declining above 0.6 loses two in-scope questions of ten: 0.64 + 0.2 against 0.8
    double t = StudentRecipe.tuneThreshold(SOFTMAX, LABELS, validation(8, 2), null, 0.2);
    assertThat(t).isGreaterThan(0.6).isLessThanOrEqualTo(0.9);
  }

  @Test
  void whereAdminsExpectFewOutOfScopeQuestionsItKeepsTheInScopeOnes() {
    // with a twentieth of the traffic out of scope the same trade is a loss: 0.76 + 0.05 against
    // 0.95, so the threshold stays where it declines none of the in-scope questions
    double t = StudentRecipe.tuneThreshold(SOFTMAX, LABELS, validation(8, 2), null, 0.05);
    assertThat(t).isLessThanOrEqualTo(0.5);
  }

  @Test
  void anOutOfScopeShareOfOneOrMoreIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> StudentRecipe.tuneThreshold(SOFTMAX, LABELS, validation(8, 2), null, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out-of-scope share");
  }
}
