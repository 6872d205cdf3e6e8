package io.infodesk.routing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A trained router version: its weights (checksummed), labels, threshold, metrics and status. */
@Entity
@Table(name = "router_model")
@NamedQuery(
    name = RouterModel.FIND_ALL,
    query = "SELECT m FROM RouterModel m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(
    name = RouterModel.FIND_BY_STATUS,
    query = "SELECT m FROM RouterModel m WHERE m.status = :status ORDER BY m.id DESC")
@NamedQuery(
    name = RouterModel.FIND_LIVE_IDS,
    query =
        "SELECT m.id, m.status FROM RouterModel m WHERE m.status IN :statuses ORDER BY m.id DESC")
@NamedQuery(
    name = RouterModel.COUNT_VERSIONS_ENDING,
    query = "SELECT COUNT(m) FROM RouterModel m WHERE m.version LIKE :pattern")
public class RouterModel {
  public static final String FIND_ALL = "RouterModel.findAll";

  /** How many models have a version that matches {@code :pattern} (a LIKE pattern). */
  public static final String COUNT_VERSIONS_ENDING = "RouterModel.countVersionsEnding";

  public static final String FIND_BY_STATUS = "RouterModel.findByStatus";

  /** The ids and statuses of the models with the given statuses, newest first, without weights. */
  public static final String FIND_LIVE_IDS = "RouterModel.findLiveIds";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  private String version;
  private String architecture;

  @Enumerated(EnumType.STRING)
  private ModelStatus status;

  private String labels;

  private byte[] weights;

  private String checksum;
  private double threshold;
  private long parameters;

  @Column(name = "size_bytes")
  private long sizeBytes;

  private String metrics;
  private String gate;

  @Column(name = "training_summary")
  private String trainingSummary;

  private String device;

  /** The MiniLM whose vectors the student was trained on; null for students that embed nothing. */
  @Column(name = "embedding_model")
  private String embeddingModel;

  @Column(name = "previous_active_id")
  private Long previousActiveId;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  protected RouterModel() {}

  public RouterModel(
      String version,
      String architecture,
      String labels,
      byte[] weights,
      String checksum,
      double threshold,
      long parameters) {
    this.version = version;
    this.architecture = architecture;
    this.labels = labels;
    this.weights = weights;
    this.checksum = checksum;
    this.threshold = threshold;
    this.parameters = parameters;
    this.sizeBytes = weights == null ? 0 : weights.length;
    this.status = ModelStatus.CANDIDATE;
    this.createdAt = Instant.now();
  }

  public void evaluated(String metrics, String gate, String trainingSummary, String device) {
    this.metrics = metrics;
    this.gate = gate;
    this.trainingSummary = trainingSummary;
    this.device = device;
  }

  /** Records the MiniLM ({@code MiniLmEmbedder.version()}) that embedded the training set. */
  public void embeddedBy(String embeddingModel) {
    this.embeddingModel = embeddingModel;
  }

  public String getEmbeddingModel() {
    return embeddingModel;
  }

  public void activate(Long previous) {
    this.status = ModelStatus.ACTIVE;
    this.previousActiveId = previous;
    this.activatedAt = Instant.now();
  }

  public void moveTo(ModelStatus next) {
    this.status = next;
  }

  public Long getId() {
    return id;
  }

  public String getVersion() {
    return version;
  }

  public String getArchitecture() {
    return architecture;
  }

  public ModelStatus getStatus() {
    return status;
  }

  public String getLabels() {
    return labels;
  }

  public byte[] getWeights() {
    return weights;
  }

  public String getChecksum() {
    return checksum;
  }

  public double getThreshold() {
    return threshold;
  }

  public long getParameters() {
    return parameters;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getMetrics() {
    return metrics;
  }

  public String getGate() {
    return gate;
  }

  public String getTrainingSummary() {
    return trainingSummary;
  }

  public String getDevice() {
    return device;
  }

  public Long getPreviousActiveId() {
    return previousActiveId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getActivatedAt() {
    return activatedAt;
  }
}
