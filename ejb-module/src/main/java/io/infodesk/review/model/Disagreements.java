package io.infodesk.review.model;

import java.util.List;
import java.util.Map;

/**
 * Where the judge's learned evidence confidently (probability ≥ {@link JudgeLabel#RELABEL_FROM})
 * contradicts the teacher's route on held-out examples, who was right. On little data the fold
 * students are weaker than the teacher overall, yet where they are confident and disagree with it
 * they may be right more often than it: that is where the judge overrules routes.
 *
 * @param evidenceRight held-out examples where the evidence's confident label is the right one
 * @param teacherRight those where the contradicted teacher was right
 * @param neither those where both were wrong
 */
public record Disagreements(int evidenceRight, int teacherRight, int neither) {

  public static final Disagreements NONE = new Disagreements(0, 0, 0);

  /** One-sided sign test at 5%: the normal quantile, with a continuity correction. */
  static final double Z = 1.645;

  /**
   * @param gold the held-out examples' labels
   * @param teacher the teacher's route of each
   * @param evidence label probabilities of each, from one or more students that never saw them:
   *     {@code k × gold.size()} entries, the first student's for every example, then the next's
   */
  public static Disagreements of(
      List<String> gold, List<String> teacher, List<Map<String, Double>> evidence) {
    int n = gold.size();
    if (n == 0 || teacher.size() != n || evidence.size() % n != 0) {
      throw new IllegalArgumentException("the evidence must cover the held-out examples");
    }
    int evidenceRight = 0;
    int teacherRight = 0;
    int neither = 0;
    for (int i = 0; i < evidence.size(); i++) {
      Map.Entry<String, Double> top =
          evidence.get(i).entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
      String routed = teacher.get(i % n);
      if (top == null || top.getValue() < JudgeLabel.RELABEL_FROM || top.getKey().equals(routed)) {
        continue;
      }
      String label = gold.get(i % n);
      if (top.getKey().equals(label)) {
        evidenceRight++;
      } else if (routed.equals(label)) {
        teacherRight++;
      } else {
        neither++;
      }
    }
    return new Disagreements(evidenceRight, teacherRight, neither);
  }

  /**
   * Whether the evidence is right more often than the teacher where they disagree, beyond chance.
   */
  public boolean evidenceWins() {
    int n = evidenceRight + teacherRight;
    return n > 0 && (evidenceRight - 0.5 - n / 2.0) / Math.sqrt(n / 4.0) >= Z;
  }
}
