package io.infodesk.curation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
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
public class DatasetExample extends LabelledText {
  public static final String FIND_BY_VERSION = "DatasetExample.findByVersion";

  @Column(name = "version_id")
  private Long versionId;

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
    super(text, label);
    this.versionId = versionId;
    this.provenance = provenance;
    this.interactionId = interactionId;
    this.split = split;
  }

  public Long getVersionId() {
    return versionId;
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
