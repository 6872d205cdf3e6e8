package io.infodesk.answering.entity;

import io.infodesk.retrieval.entity.Passage;
import java.util.List;

/** An answer: its mode, its text (safe HTML), and the passages it cites as [1], [2], ... */
public record Answer(Mode mode, String html, List<Passage> citations) {

  /** How the answer was made. */
  public enum Mode {
    EXTRACTIVE,
    GENERATED,
    NONE
  }
}
