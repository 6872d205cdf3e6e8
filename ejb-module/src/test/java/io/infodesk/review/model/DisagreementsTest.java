package io.infodesk.review.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the learned evidence confidently contradicts the teacher on held-out examples, who is
 * right: the judge may overrule routes when the evidence wins there beyond chance, however weak it
 * is elsewhere.
 */
class DisagreementsTest {

  static Map<String, Double> sure(String label) {
    return Map.of(label, 0.9, "other", 0.1);
  }

  @Test
  void countsOnlyConfidentContradictionsOfTheTeacher() {
    List<String> gold = List.of("hr", "it", "it", "pay");
    List<String> teacher = List.of("hr", "hr", "it", "it");
    List<Map<String, Double>> evidence =
        List.of(
            sure("it"), // contradicts a right teacher: the teacher is right
            sure("it"), // contradicts a wrong teacher: the evidence is right
            Map.of("hr", 0.55, "it", 0.45), // not confident: not counted
            sure("hr")); // contradicts a wrong teacher, wrong too: neither
    Disagreements d = Disagreements.of(gold, teacher, evidence);
    assertThat(d.evidenceRight()).isEqualTo(1);
    assertThat(d.teacherRight()).isEqualTo(1);
    assertThat(d.neither()).isEqualTo(1);
    assertThat(d.evidenceWins()).isFalse();
  }

  @Test
  void theEvidenceWinsOnlyBeyondChance() {
    assertThat(new Disagreements(5, 0, 3).evidenceWins()).as("5 of 5: p = 0.03").isTrue();
    assertThat(new Disagreements(4, 0, 0).evidenceWins()).as("4 of 4: p = 0.06").isFalse();
    assertThat(new Disagreements(60, 40, 0).evidenceWins()).as("60 of 100: p = 0.03").isTrue();
    assertThat(new Disagreements(55, 45, 0).evidenceWins()).as("55 of 100: p = 0.18").isFalse();
    assertThat(new Disagreements(0, 0, 0).evidenceWins()).isFalse();
    assertThat(Disagreements.NONE.evidenceWins()).isFalse();
  }

  @Test
  void twoFoldsOfEvidenceAreReadAgainstTheSameExamples() {
    List<String> gold = List.of("it", "it");
    List<String> teacher = List.of("hr", "hr");
    List<Map<String, Double>> evidence = new ArrayList<>();
    evidence.add(sure("it"));
    evidence.add(sure("it"));
    evidence.add(sure("it"));
    evidence.add(sure("pay"));
    Disagreements d = Disagreements.of(gold, teacher, evidence);
    assertThat(d.evidenceRight()).isEqualTo(3);
    assertThat(d.neither()).isEqualTo(1);
  }
}
