package io.infodesk.curation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One example of a dataset version (train or eval), or of the frozen evaluation set or the imported
 * pool (version null there, see the tables): redacted text, label, provenance, source.
 */
@Entity
@Table(name = "dataset_example")
@NamedQuery(
    name = DatasetExample.FIND_BY_VERSION,
    query = "SELECT e FROM DatasetExample e WHERE e.versionId = :version ORDER BY e.split, e.id")
public class DatasetExample {
  public static final String FIND_BY_VERSION = "DatasetExample.findByVersion";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "version_id")
  private Long versionId;

  private String text;
  private String label;
  private String provenance;

  @Column(name = "interaction_id")
  private Long interactionId;

  private String split;

  protected DatasetExample() {}

  public DatasetExample(
      Long versionId,
      String text,
      String label,
      String provenance,
      Long interactionId,
      String split) {
    this.versionId = versionId;
    this.text = text;
    this.label = label;
    this.provenance = provenance;
    this.interactionId = interactionId;
    this.split = split;
  }

  public Long getId() {
    return id;
  }

  public Long getVersionId() {
    return versionId;
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

  public Long getInteractionId() {
    return interactionId;
  }

  public String getSplit() {
    return split;
  }
}
