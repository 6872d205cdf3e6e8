package io.infodesk.curation.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An example of the frozen evaluation set, which keeps dataset versions comparable. */
@Entity
@Table(name = "frozen_eval_example")
@NamedQuery(
    name = FrozenEvalExample.FIND_ALL,
    query = "SELECT e FROM FrozenEvalExample e ORDER BY e.id")
public class FrozenEvalExample extends LabelledText {
  public static final String FIND_ALL = "FrozenEvalExample.findAll";

  private String provenance;

  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "added_by"))
  @AttributeOverride(name = "at", column = @Column(name = "added_at"))
  private Addition added;

  protected FrozenEvalExample() {}

  public FrozenEvalExample(String text, String label, String provenance, String by) {
    super(text, label);
    this.provenance = provenance;
    this.added = new Addition(by);
  }

  public String getProvenance() {
    return provenance;
  }

  public Addition getAdded() {
    return added;
  }
}
