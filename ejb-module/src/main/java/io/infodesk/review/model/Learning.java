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
 */
public record Learning(
    List<Curated> curated,
    Map<Integer, Map<String, Double>> outOfFold,
    Function<String, Map<String, Double>> student,
    double accuracy,
    double teacherAccuracy) {

  /** Nothing learned yet: the judge falls back to the incumbent student, if any. */
  public static final Learning NONE = new Learning(List.of(), Map.of(), null, 0, 1);

  /**
   * Whether the evidence may overrule a route: it comes from students that never saw the labels it
   * judges, and they route the held-out examples at least as well as the teacher, whose routes most
   * LOGGED labels are. On a little data the students are weaker than the teacher, and their
   * confident opinions are wrong too often to label or set aside anything.
   */
  public boolean overrulesRoutes() {
    return student != null && accuracy >= teacherAccuracy;
  }

  /** A curated example: where it came from, its label and its vector. */
  public record Curated(
      Long interactionId, String text, String label, String provenance, float[] vector) {}
}
