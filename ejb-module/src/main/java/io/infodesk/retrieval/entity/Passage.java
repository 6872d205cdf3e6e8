package io.infodesk.retrieval.entity;

/**
 * A retrieved chunk as the answer uses it: ids, its source's title, the passage text, its fused
 * score, its vector similarity to the question, and a highlighted snippet (safe HTML).
 */
public record Passage(
    long chunkId,
    long sourceId,
    String sourceTitle,
    String heading,
    String text,
    double score,
    double similarity,
    String snippet) {

  // getters for Faces EL, which does not read record components

  public String getSourceTitle() {
    return sourceTitle;
  }

  public String getHeading() {
    return heading;
  }

  public double getScore() {
    return score;
  }

  public double getSimilarity() {
    return similarity;
  }

  public String getSnippet() {
    return snippet;
  }
}
