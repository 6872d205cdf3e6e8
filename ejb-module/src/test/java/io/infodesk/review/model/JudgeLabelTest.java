package io.infodesk.review.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.review.model.JudgeLabel.Kind;
import org.junit.jupiter.api.Test;

class JudgeLabelTest {

  @Test
  void aRatedDownQuestionIsLabelledWhereTheEvidenceIsConfident() {
    var label = JudgeLabel.of(null, 0.8, "it", 0.65, "why").orElseThrow();
    assertThat(label.kind()).isEqualTo(Kind.RELABEL);
    assertThat(label.label()).isEqualTo("it");
    assertThat(label.probability()).isEqualTo(0.65);
    assertThat(JudgeLabel.of(null, 0.8, "it", 0.59, "why")).isEmpty();
    assertThat(JudgeLabel.of(null, 0.8, null, 0.0, "why")).isEmpty();
  }

  @Test
  void aLoggedLabelTheEvidenceContradictsIsSetAside() {
    var aside = JudgeLabel.of("LOGGED", 0.75, "hr", 0.7, "why").orElseThrow();
    assertThat(aside.kind()).isEqualTo(Kind.SET_ASIDE);
    assertThat(aside.probability()).isEqualTo(0.75);
    assertThat(JudgeLabel.of("LOGGED", 0.69, "hr", 0.9, "why")).isEmpty();
    // set aside in an earlier cycle: judged again, and back in training once the evidence relents
    assertThat(JudgeLabel.of(JudgeLabel.SET_ASIDE_PROVENANCE, 0.9, "hr", 0.9, "why")).isPresent();
    assertThat(JudgeLabel.of(JudgeLabel.SET_ASIDE_PROVENANCE, 0.4, "hr", 0.5, "why")).isEmpty();
  }

  @Test
  void labelsPeopleGaveAreLeftAlone() {
    for (String human :
        new String[] {"RELABELED_BY_EMPLOYEE", "RELABELED_BY_SME", "CONFIRMED_BY_SME", "SEED"}) {
      assertThat(JudgeLabel.of(human, 0.99, "hr", 0.99, "why")).as(human).isEmpty();
    }
  }
}
