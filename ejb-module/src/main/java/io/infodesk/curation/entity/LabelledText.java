package io.infodesk.curation.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * What every labelled example has, whichever table keeps it: an id from the shared sequence, the
 * (redacted) text and its label. A dataset version's examples, the frozen evaluation set and the
 * imported pool extend it.
 */
@MappedSuperclass
public abstract class LabelledText {

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  private String text;
  private String label;

  protected LabelledText() {}

  protected LabelledText(String text, String label) {
    this.text = text;
    this.label = label;
  }

  public Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  public String getLabel() {
    return label;
  }
}
