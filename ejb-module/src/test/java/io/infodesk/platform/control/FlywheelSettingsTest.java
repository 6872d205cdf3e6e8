package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlywheelSettingsTest {

  @Test
  void goodValuesPassAndBadOnesNameTheKeyAndTheRule() {
    assertThat(FlywheelSettings.check("infodesk.gates.accuracy-tolerance", "0.03")).isEmpty();
    assertThat(FlywheelSettings.check("infodesk.review.consensus", " Unanimous ")).isEmpty();
    assertThat(FlywheelSettings.check("infodesk.review.reviewers", "3")).isEmpty();
    assertThat(FlywheelSettings.check("infodesk.gates.accuracy-tolerance", "2"))
        .hasValueSatisfying(m -> assertThat(m).contains("accuracy-tolerance", "between 0 and 1"));
    assertThat(FlywheelSettings.check("infodesk.review.reviewers", "2.5"))
        .hasValueSatisfying(m -> assertThat(m).contains("not a whole number"));
    assertThat(FlywheelSettings.check("infodesk.judge.mode", "oracle"))
        .hasValueSatisfying(m -> assertThat(m).contains("auto, llm, embedded"));
    assertThat(FlywheelSettings.check("infodesk.drift.min-agreement", ""))
        .hasValueSatisfying(m -> assertThat(m).contains("needs a value"));
    assertThat(FlywheelSettings.check("infodesk.db.url", "jdbc:h2:mem:x"))
        .hasValueSatisfying(m -> assertThat(m).contains("cannot be changed at run time"));
  }
}
