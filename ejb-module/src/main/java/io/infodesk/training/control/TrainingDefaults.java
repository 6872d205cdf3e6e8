package io.infodesk.training.control;

/** Settings that training and serving must agree on. */
public final class TrainingDefaults {
  /** Hash buckets of the n-gram student's features. */
  public static final int NGRAM_BUCKETS = 4096;

  private TrainingDefaults() {}
}
