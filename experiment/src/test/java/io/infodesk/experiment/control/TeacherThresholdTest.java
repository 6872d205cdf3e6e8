package io.infodesk.experiment.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.routing.entity.RouteLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where every question of the data has a label, the teacher knows it as the students do (they tune
 * their thresholds on a validation split without out-of-scope rows): it does not decline.
 */
class TeacherThresholdTest {

  static ExperimentData data(String testLabel) {
    return new ExperimentData(
        List.of(new ExperimentData.Row("set a timer", "timer")),
        List.of(new ExperimentData.Row("start a timer", "timer")),
        List.of(new ExperimentData.Row("what is the meaning of life", testLabel)),
        java.util.Map.of("timer", "timer"),
        "as given");
  }

  @Test
  void theTeacherDeclinesOnlyWhereTheDataHasOutOfScopeQuestions() {
    assertThat(data("timer").hasOutOfScope()).isFalse();
    assertThat(FlywheelExperiment.declineBelow(data("timer"))).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(data(RouteLabels.OOS).hasOutOfScope()).isTrue();
    // null: calibrated from the teacher's own exemplars, as the server's teacher is
    assertThat(FlywheelExperiment.declineBelow(data(RouteLabels.OOS))).isNull();
  }
}
