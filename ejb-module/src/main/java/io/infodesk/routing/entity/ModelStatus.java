package io.infodesk.routing.entity;

/** A router model's place in its lifecycle. */
public enum ModelStatus {
  /** Trained, passed its gates, waits for an admin (or the cycle's automatic promotion). */
  CANDIDATE,
  /** Scores live traffic beside the ACTIVE model without serving it. */
  SHADOW,
  /** Serves the employees. */
  ACTIVE,
  /** Served before; rollback returns to it. */
  RETIRED,
  /** Failed its gates. */
  REJECTED,
  /**
   * A CANDIDATE a later training run replaced: trained on less data and gated against an older
   * evaluation and live router, so it is no longer offered for promotion.
   */
  SUPERSEDED
}
