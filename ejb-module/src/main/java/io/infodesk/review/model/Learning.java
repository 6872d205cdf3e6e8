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
 */
public record Learning(
    List<Curated> curated,
    Map<Integer, Map<String, Double>> outOfFold,
    Function<String, Map<String, Double>> student) {

  /** Nothing learned yet: the judge falls back to the incumbent student, if any. */
  public static final Learning NONE = new Learning(List.of(), Map.of(), null);

  /** A curated example: where it came from, its label and its vector. */
  public record Curated(
      Long interactionId, String text, String label, String provenance, float[] vector) {}
}
