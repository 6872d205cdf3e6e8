package io.infodesk.curation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An example of the frozen evaluation set, which keeps dataset versions comparable. */
@Entity
@Table(name = "frozen_eval_example")
@NamedQuery(
    name = FrozenEvalExample.FIND_ALL,
    query = "SELECT e FROM FrozenEvalExample e ORDER BY e.id")
public class FrozenEvalExample {
  public static final String FIND_ALL = "FrozenEvalExample.findAll";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  private String text;
  private String label;
  private String provenance;

  @Column(name = "added_by")
  private String by;

  @Column(name = "added_at")
  private Instant at;

  protected FrozenEvalExample() {}

  public FrozenEvalExample(String text, String label, String provenance, String by) {
    this.text = text;
    this.label = label;
    this.provenance = provenance;
    this.by = by;
    this.at = Instant.now();
  }

  public String getText() {
    return text;
  }

  public String getLabel() {
    return label;
  }

  public String getProvenance() {
    return provenance;
  }
}
