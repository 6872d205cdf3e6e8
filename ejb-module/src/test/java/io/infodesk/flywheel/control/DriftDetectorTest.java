package io.infodesk.flywheel.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

  final DriftDetector detector = new DriftDetector(new DriftDetector.Thresholds(0.6, 0.8, 10));

  static List<Boolean> window(int yes, int no) {
    List<Boolean> w = new ArrayList<>(Collections.nCopies(yes, true));
    w.addAll(Collections.nCopies(no, false));
    return w;
  }

  @Test
  void healthyWindowsTriggerNothing() {
    assertThat(detector.check(window(8, 2), window(9, 1))).isEmpty();
  }

  @Test
  void lowSatisfactionOrAgreementTriggersACycleWithItsReason() {
    assertThat(detector.check(window(5, 5), window(9, 1)))
        .get()
        .asString()
        .contains("satisfaction 0.50", "last 10");
    assertThat(detector.check(window(8, 2), window(7, 3)))
        .get()
        .asString()
        .contains("agreement 0.70");
    assertThat(detector.check(window(1, 9), window(1, 9)))
        .get()
        .asString()
        .contains("satisfaction", "agreement");
  }

  @Test
  void smallWindowsAreNotJudged() {
    assertThat(detector.check(window(0, 9), window(0, 9))).isEmpty();
    assertThat(detector.check(List.of(), List.of())).isEmpty();
  }
}
