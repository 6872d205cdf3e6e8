package io.infodesk.curation.entity;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who added an example by hand, and when (the frozen set and the imported pool). */
@Embeddable
public class Addition {
  private String by;
  private Instant at;

  protected Addition() {}

  public Addition(String by) {
    this.by = by;
    this.at = Instant.now();
  }

  public String getBy() {
    return by;
  }

  public Instant getAt() {
    return at;
  }
}
