package io.infodesk.knowledge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A knowledge domain that questions are routed to, such as HR & benefits or IT support. */
@Entity
@Table(name = "kb_domain")
@NamedQuery(name = Domain.FIND_ALL, query = "SELECT d FROM Domain d ORDER BY d.key")
@NamedQuery(name = Domain.FIND_BY_KEY, query = "SELECT d FROM Domain d WHERE d.key = :key")
public class Domain {
  public static final String FIND_ALL = "Domain.findAll";
  public static final String FIND_BY_KEY = "Domain.findByKey";

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

  protected Domain() {}

  public Domain(String key, String name, String description) {
    this.key = key;
    this.name = name;
    this.description = description;
    this.active = true;
    this.createdAt = Instant.now();
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

  public boolean isActive() {
    return active;
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
