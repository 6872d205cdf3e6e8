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

/** An immutable dataset version: its sizes and per-label and per-provenance counts (JSON). */
@Entity
@Table(name = "dataset_version")
@NamedQuery(
    name = DatasetVersion.FIND_ALL,
    query = "SELECT v FROM DatasetVersion v ORDER BY v.versionNo DESC")
@NamedQuery(name = DatasetVersion.MAX_NO, query = "SELECT MAX(v.versionNo) FROM DatasetVersion v")
public class DatasetVersion {
  public static final String FIND_ALL = "DatasetVersion.findAll";
  public static final String MAX_NO = "DatasetVersion.maxNo";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "version_no")
  private int versionNo;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "train_size")
  private int trainSize;

  @Column(name = "eval_size")
  private int evalSize;

  @Column(name = "label_counts")
  private String labelCounts;

  @Column(name = "provenance_counts")
  private String provenanceCounts;

  @Column(name = "created_at")
  private Instant createdAt;

  protected DatasetVersion() {}

  public DatasetVersion(
      int versionNo,
      String createdBy,
      int trainSize,
      int evalSize,
      String labelCounts,
      String provenanceCounts) {
    this.versionNo = versionNo;
    this.createdBy = createdBy;
    this.trainSize = trainSize;
    this.evalSize = evalSize;
    this.labelCounts = labelCounts;
    this.provenanceCounts = provenanceCounts;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public int getTrainSize() {
    return trainSize;
  }

  public int getEvalSize() {
    return evalSize;
  }

  public String getLabelCounts() {
    return labelCounts;
  }

  public String getProvenanceCounts() {
    return provenanceCounts;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
