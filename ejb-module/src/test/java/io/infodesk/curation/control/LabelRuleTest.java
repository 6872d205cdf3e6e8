package io.infodesk.curation.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.curation.control.LabelRule.Label;
import io.infodesk.review.model.JudgeLabel;
import io.infodesk.review.model.JudgeLabel.Kind;
import org.junit.jupiter.api.Test;

class LabelRuleTest {

  static final JudgeLabel TO_IT = new JudgeLabel(Kind.RELABEL, "it", 0.7, "why");
  static final JudgeLabel ASIDE = new JudgeLabel(Kind.SET_ASIDE, "it", 0.8, "why");

  @Test
  void aRatedDownQuestionGetsTheJudgesLabelOnlyWhenNobodyGaveOne() {
    assertThat(LabelRule.of("hr", null, null, "down", null)).isEmpty();
    assertThat(LabelRule.of("hr", null, null, "down", null, TO_IT))
        .contains(new Label("it", "RELABELED_BY_JUDGE"));
    assertThat(LabelRule.of("hr", null, null, "down", "finance", TO_IT))
        .contains(new Label("finance", "RELABELED_BY_EMPLOYEE"));
    assertThat(LabelRule.of("hr", "CORRECT_DOMAIN", "payroll", "down", null, TO_IT))
        .contains(new Label("payroll", "RELABELED_BY_SME"));
    // an SME said the failure was not the route's: the judge does not overrule that
    assertThat(LabelRule.of("hr", "NOT_ROUTING", null, "down", null, TO_IT)).isEmpty();
  }

  @Test
  void aLoggedLabelTheJudgeContradictsIsSetAsideUnlessAnSmeConfirmedIt() {
    assertThat(LabelRule.of("hr", null, null, "up", null, ASIDE))
        .contains(new Label("hr", "SET_ASIDE_BY_JUDGE"));
    assertThat(LabelRule.of("hr", null, null, null, null, ASIDE))
        .contains(new Label("hr", "SET_ASIDE_BY_JUDGE"));
    assertThat(LabelRule.of("hr", "CONFIRM_ROUTE", null, "up", null, ASIDE))
        .contains(new Label("hr", "CONFIRMED_BY_SME"));
    assertThat(LabelRule.of("hr", null, null, "up", null, null))
        .contains(new Label("hr", "LOGGED"));
  }
}
