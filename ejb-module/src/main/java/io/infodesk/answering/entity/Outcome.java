package io.infodesk.answering.entity;

/** How a question ended. */
public enum Outcome {
  ANSWERED,
  OUT_OF_SCOPE,
  LOW_CONFIDENCE,
  BLOCKED
}
