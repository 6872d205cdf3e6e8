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

/** A labelled example an admin imported from a JSONL file; provenance IMPORTED. */
@Entity
@Table(name = "imported_example")
@NamedQuery(
    name = ImportedExample.FIND_ALL,
    query = "SELECT e FROM ImportedExample e ORDER BY e.id")
public class ImportedExample {
  public static final String FIND_ALL = "ImportedExample.findAll";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  private String text;
  private String label;

  @Column(name = "imported_by")
  private String by;

  @Column(name = "imported_at")
  private Instant at;

  protected ImportedExample() {}

  public ImportedExample(String text, String label, String by) {
    this.text = text;
    this.label = label;
    this.by = by;
    this.at = Instant.now();
  }

  public String getText() {
    return text;
  }

  public String getLabel() {
    return label;
  }
}
