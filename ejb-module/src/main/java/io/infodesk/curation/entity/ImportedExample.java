package io.infodesk.curation.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A labelled example an admin imported from a JSONL file; provenance IMPORTED. */
@Entity
@Table(name = "imported_example")
@NamedQuery(
    name = ImportedExample.FIND_ALL,
    query = "SELECT e FROM ImportedExample e ORDER BY e.id")
public class ImportedExample extends LabelledText {
  public static final String FIND_ALL = "ImportedExample.findAll";

  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "imported_by"))
  @AttributeOverride(name = "at", column = @Column(name = "imported_at"))
  private Addition imported;

  protected ImportedExample() {}

  public ImportedExample(String text, String label, String by) {
    super(text, label);
    this.imported = new Addition(by);
  }

  public Addition getImported() {
    return imported;
  }
}
