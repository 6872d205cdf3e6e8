package io.infodesk.knowledge.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A knowledge domain that questions are routed to, such as HR & benefits or IT support. */
@Entity
@Table(name = "kb_domain")
@NamedQuery(name = Domain.FIND_ALL, query = "SELECT d FROM Domain d ORDER BY d.key")
@NamedQuery(name = Domain.FIND_BY_KEY, query = "SELECT d FROM Domain d WHERE d.key = :key")
@NamedQuery(name = Domain.FIND_BY_KEYS, query = "SELECT d FROM Domain d WHERE d.key IN :keys")
public class Domain {
  public static final String FIND_ALL = "Domain.findAll";
  public static final String FIND_BY_KEY = "Domain.findByKey";
  public static final String FIND_BY_KEYS = "Domain.findByKeys";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "domain_key")
  private String key;

  private String name;
  private String description;
  private boolean active;

  @Column(name = "created_at")
  private Instant createdAt;

  /** When what the router reads (name, description, exemplars, state) last changed. */
  @Column(name = "changed_at")
  private Instant changedAt;

  /** Both rankings' weight in rank fusion until an owner tunes them. */
  public static final double DEFAULT_FUSION_WEIGHT = 1.0;

  @Column(name = "bm25_weight")
  private double keywordWeight = DEFAULT_FUSION_WEIGHT;

  @Column(name = "vector_weight")
  private double vectorWeight = DEFAULT_FUSION_WEIGHT;

  @OneToMany(mappedBy = "domain", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<DomainExemplar> exemplars = new ArrayList<>();

  protected Domain() {}

  public Domain(String key, String name, String description) {
    this.key = key;
    this.name = name;
    this.description = description;
    this.active = true;
    this.createdAt = Instant.now();
    this.changedAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getKey() {
    return key;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  /**
   * The domain as one text, besides its exemplars: its name and description. The zero-shot teacher
   * reads it, and the students learn it as one more example of the domain.
   */
  public String routingText() {
    return description == null || description.isBlank() ? name : name + ". " + description;
  }

  public boolean isActive() {
    return active;
  }

  public void setName(String name) {
    this.name = name;
    changed();
  }

  public void setDescription(String description) {
    this.description = description;
    changed();
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  private void changed() {
    changedAt = Instant.now();
  }

  public List<String> getExemplars() {
    return exemplars.stream().map(DomainExemplar::getText).toList();
  }

  /** Replaces the exemplar utterances, keeping their order. */
  public void setExemplars(List<String> texts) {
    changed();
    exemplars.clear();
    for (int i = 0; i < texts.size(); i++) {
      exemplars.add(new DomainExemplar(this, texts.get(i), i));
    }
  }

  public double getKeywordWeight() {
    return keywordWeight;
  }

  public double getVectorWeight() {
    return vectorWeight;
  }

  public void setFusionWeights(double keyword, double vector) {
    this.keywordWeight = keyword;
    this.vectorWeight = vector;
    changed();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Domain other && Objects.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(key);
  }
}
