package io.infodesk.review.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.platform.control.FlywheelSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge's learned evidence (LabelSuspicion) and the budgeted choice of reviews. */
class LearningJudgeTest {

  static final List<LabelSuspicion.Neighbour> HR_NEIGHBOURS =
      List.of(
          new LabelSuspicion.Neighbour("hr", 0.9),
          new LabelSuspicion.Neighbour("hr", 0.85),
          new LabelSuspicion.Neighbour("it", 0.6));

  @Test
  void aLabelTheStudentAndTheNeighboursContradictIsSuspected() {
    var contradicted =
        LabelSuspicion.assess(
            new LabelSuspicion.Evidence(
                "it", "it", Map.of("hr", 0.95, "it", 0.05), HR_NEIGHBOURS, false, false));
    var agreed =
        LabelSuspicion.assess(
            new LabelSuspicion.Evidence(
                "hr", "hr", Map.of("hr", 0.95, "it", 0.05), HR_NEIGHBOURS, false, false));
    assertThat(contradicted.wrongProbability()).isGreaterThan(0.8);
    assertThat(contradicted.suggested()).isEqualTo("hr");
    assertThat(contradicted.reason()).contains("the student says hr", "nearest labelled");
    assertThat(agreed.wrongProbability()).isLessThan(0.2);
  }

  @Test
  void aLoggedLabelGoesToTheSmesOnlyWhereTheEvidenceMayOpine() {
    var contradicted =
        LabelSuspicion.assess(
            new LabelSuspicion.Evidence(
                "it", null, Map.of("hr", 0.95, "it", 0.05), HR_NEIGHBOURS, false, false));
    assertThat(contradicted.reexamines(true)).isTrue();
    // students out of fold that route the held-out examples worse than the teacher, and do not
    // win their disagreements with it: their confidence takes no review from a complaint
    assertThat(contradicted.reexamines(false)).isFalse();
    var unsure =
        LabelSuspicion.assess(
            new LabelSuspicion.Evidence(
                "it",
                null,
                Map.of("hr", 0.6, "it", 0.4),
                List.of(new LabelSuspicion.Neighbour("it", 0.9)),
                false,
                false));
    assertThat(unsure.reexamines(true)).isFalse();
  }

  @Test
  void withoutLearnedEvidenceARatingAndTheJudgeStillCount() {
    var quiet =
        LabelSuspicion.assess(
            new LabelSuspicion.Evidence("it", "it", null, List.of(), false, false));
    var downAndFlagged =
        LabelSuspicion.assess(new LabelSuspicion.Evidence("it", "hr", null, List.of(), true, true));
    assertThat(quiet.wrongProbability()).isLessThan(0.2);
    assertThat(downAndFlagged.wrongProbability()).isGreaterThan(0.6);
    assertThat(downAndFlagged.suggested()).isEqualTo("hr");
    // far neighbours say nothing
    var far =
        LabelSuspicion.assess(
            new LabelSuspicion.Evidence(
                "it", "it", null, List.of(new LabelSuspicion.Neighbour("hr", 0.2)), false, false));
    assertThat(far.wrongProbability()).isEqualTo(quiet.wrongProbability());
  }

  static float[] unit(float... v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }

  @Test
  void theBudgetGoesToTheLikeliestWrongThatSettleMostAndSmallClasses() {
    var a = new ReviewBudget.Candidate("a", "it", 0.9, unit(1, 0, 0), null, "");
    var aTwin = new ReviewBudget.Candidate("a2", "it", 0.6, unit(1, 0.05f, 0), null, "");
    var b = new ReviewBudget.Candidate("b", "it", 0.95, unit(0, 1, 0), null, "");
    var rare = new ReviewBudget.Candidate("r", "oos", 0.7, unit(0, 0, 1), null, "");
    var unlikely = new ReviewBudget.Candidate("u", "it", 0.3, unit(1, 1, 1), null, "");
    Map<String, Integer> counts = Map.of("it", 1000, "oos", 10);
    List<ReviewBudget.Choice> chosen =
        ReviewBudget.choose(List.of(unlikely, b, rare, aTwin, a), 3, counts, 0.5);
    // gains: r 0.7 × 1 × 2 (a small class), a 0.9 × 2 (settles its twin) × 0.71, b 0.95 × 0.71
    assertThat(chosen).extracting(c -> c.candidate().key()).containsExactly("r", "a", "b");
    assertThat(chosen.get(1).settles())
        .extracting(ReviewBudget.Candidate::key)
        .containsExactly("a2");
    assertThat(chosen.get(1).reason()).contains("settles 1 near-duplicates");
    assertThat(chosen.get(0).reason()).contains("a small class");
    assertThat(ReviewBudget.choose(List.of(unlikely), 5, counts, 0.5)).isEmpty();
  }

  @Test
  void aDecisionSettlesOnlyQuestionsThatShareTheirWordsToo() {
    // the same vector for questions MiniLM cannot read (its vocabulary has almost no Thai)
    float[] unread = unit(1, 0, 0);
    var forgot = new ReviewBudget.Candidate("f", "it", 0.9, unread, "ลืมรหัสผ่าน", "");
    var forgotToo = new ReviewBudget.Candidate("f2", "it", 0.8, unread, "ฉันลืมรหัสผ่าน", "");
    var printer = new ReviewBudget.Candidate("p", "it", 0.7, unread, "เครื่องพิมพ์เสีย", "");
    List<ReviewBudget.Choice> chosen =
        ReviewBudget.choose(List.of(forgot, forgotToo, printer), 1, Map.of("it", 10), 0.5);
    assertThat(chosen.get(0).settles())
        .extracting(ReviewBudget.Candidate::key)
        .containsExactly("f2");
    // Chinese questions share common characters: "I forgot the password" and "I forgot where the
    // printer is" have an n-gram cosine of 0.26, and are not the same question
    var password = new ReviewBudget.Candidate("c", "it", 0.9, unread, "我忘了密码", "");
    var where = new ReviewBudget.Candidate("w", "it", 0.8, unread, "我忘了打印机在哪里", "");
    assertThat(
            ReviewBudget.choose(List.of(password, where), 1, Map.of("it", 10), 0.5)
                .get(0)
                .settles())
        .isEmpty();
    // English paraphrases share fewer n-grams (0.47 here) and settle on curation's floor
    var pin =
        new ReviewBudget.Candidate(
            "n", "it", 0.9, unread, "can you tell me how to change my pin", "");
    var pinToo =
        new ReviewBudget.Candidate("n2", "it", 0.8, unread, "i need to change my pin number", "");
    assertThat(ReviewBudget.choose(List.of(pin, pinToo), 1, Map.of("it", 10), 0.5).get(0).settles())
        .extracting(ReviewBudget.Candidate::key)
        .containsExactly("n2");
  }

  @Test
  void theBudgetIsACountOrAShareOfTheQuestions() {
    assertThat(FlywheelSettings.reviewBudget("40", 1000)).isEqualTo(40);
    assertThat(FlywheelSettings.reviewBudget("5%", 1000)).isEqualTo(50);
    assertThat(FlywheelSettings.reviewBudget(" 2.5 % ", 200)).isEqualTo(5);
    assertThatThrownBy(() -> FlywheelSettings.reviewBudget("lots", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither a count");
    assertThatThrownBy(() -> FlywheelSettings.reviewBudget("-3", 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlywheelSettings.reviewBudget("150%", 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
