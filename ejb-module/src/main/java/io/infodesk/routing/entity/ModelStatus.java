package io.infodesk.routing.entity;

/** A router model's place in its lifecycle. */
public enum ModelStatus {
  CANDIDATE,
  SHADOW,
  ACTIVE,
  RETIRED,
  REJECTED
}
