package io.infodesk.training.control;

/** Settings that training and serving must agree on. */
public final class TrainingDefaults {
  /**
   * Hash buckets of new n-gram students' features (2^18: few collisions among the word 1-2-grams
   * and character 3-5-grams of a help desk's questions). Serving reads a model's width from its
   * weights, so older models keep working.
   */
  public static final int NGRAM_BUCKETS = 1 << 18;

  private TrainingDefaults() {}
}
