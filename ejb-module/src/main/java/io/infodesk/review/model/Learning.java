package io.infodesk.review.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the flywheel has learned so far, as the cycle hands it to the judge: the curated examples of
 * the latest dataset version with their MiniLM vectors, each one's label probabilities from a
 * student that never saw it (out of fold), and a student for questions without a label.
 *
 * @param outOfFold by index into {@code curated}; empty before there was enough to learn from
 * @param student label probabilities for any question; null before any student
 * @param accuracy the share of held-out examples (the frozen evaluation set) that the students
 *     behind this evidence route right
 * @param teacherAccuracy the teacher's share on the same examples
 * @param disagreements on the same examples, where the evidence confidently contradicts the
 *     teacher, who was right
 */
public record Learning(
    List<Curated> curated,
    Map<Integer, Map<String, Double>> outOfFold,
    Function<String, Map<String, Double>> student,
    double accuracy,
    double teacherAccuracy,
    Disagreements disagreements) {

  /** Nothing learned yet: the judge falls back to the incumbent student, if any. */
  public static final Learning NONE =
      new Learning(List.of(), Map.of(), null, 0, 1, Disagreements.NONE);

  /**
   * Whether the evidence may give {@code opinion}: it comes from students that never saw the labels
   * it judges, and
   *
   * <ul>
   *   <li>to label a question rated down without a correction ({@link JudgeLabel.Kind#RELABEL}),
   *       they route the held-out examples at least as well as the teacher: a label it adds is a
   *       new training example, and on a little data their confident labels are wrong too often
   *       (CLINC150 with a tenth of its rows: 69.3% instead of 71.8% when they may);
   *   <li>to set aside a LOGGED label ({@link JudgeLabel.Kind#SET_ASIDE}), that, or where they
   *       confidently contradict the teacher on the held-out examples they are right more often
   *       than it beyond chance ({@link Disagreements#evidenceWins()}): setting aside only leaves a
   *       doubtful label out of training, and on a little data it halves the wrong labels.
   * </ul>
   */
  public boolean allows(JudgeLabel opinion) {
    return allows(opinion.kind());
  }

  /** Whether the evidence may give opinions of this kind ({@link #allows(JudgeLabel)}). */
  public boolean allows(JudgeLabel.Kind kind) {
    return allows(kind, student != null, accuracy, teacherAccuracy, disagreements);
  }

  /** Whether the evidence may give any opinion: set aside, at least. */
  public boolean opines() {
    return allows(JudgeLabel.Kind.SET_ASIDE);
  }

  /** What the evidence may do, in the words of the judge step's detail. */
  public String verdict() {
    return verdict(allows(JudgeLabel.Kind.RELABEL), opines());
  }

  /** {@link #verdict()} for the experiment's loop, which has the two answers of the rule. */
  public static String verdict(boolean labelsComplaints, boolean setsAside) {
    return labelsComplaints
        ? "the judge may label complaints and set routes aside"
        : setsAside ? "the judge may set routes aside" : "routes stand";
  }

  /**
   * The rule of {@link #allows(JudgeLabel)}, for the experiment's loop too.
   *
   * @param learned whether there are students out of fold at all
   */
  public static boolean allows(
      JudgeLabel.Kind kind,
      boolean learned,
      double accuracy,
      double teacherAccuracy,
      Disagreements disagreements) {
    if (!learned) {
      return false;
    }
    boolean asGood = accuracy >= teacherAccuracy;
    return kind == JudgeLabel.Kind.RELABEL ? asGood : asGood || disagreements.evidenceWins();
  }

  /** A curated example: where it came from, its label and its vector. */
  public record Curated(
      Long interactionId, String text, String label, String provenance, float[] vector) {}
}
