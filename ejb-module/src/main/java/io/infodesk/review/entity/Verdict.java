package io.infodesk.review.entity;

/** What the judge concluded about one interaction. */
public record Verdict(
    Attribution attribution, String suggestedDomain, double confidence, String rationale) {

  /** Where an unsatisfactory answer went wrong. */
  public enum Attribution {
    ROUTING,
    RETRIEVAL,
    GENERATION,
    NONE
  }
}
