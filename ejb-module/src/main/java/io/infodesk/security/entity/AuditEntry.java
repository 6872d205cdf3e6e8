package io.infodesk.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One privileged action: who did what to which target, and when. Never updated. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = AuditEntry.FIND_RECENT,
    query = "SELECT a FROM AuditEntry a ORDER BY a.occurredAt DESC, a.id DESC")
@NamedQuery(name = AuditEntry.COUNT_ALL, query = "SELECT COUNT(a) FROM AuditEntry a")
public class AuditEntry {
  public static final String FIND_RECENT = "AuditEntry.findRecent";
  public static final String COUNT_ALL = "AuditEntry.countAll";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String actor;
  private String action;

  @Column(name = "target_type")
  private String targetType;

  @Column(name = "target_id")
  private String targetId;

  private String detail;

  protected AuditEntry() {}

  public AuditEntry(
      String actor, String action, String targetType, String targetId, String detail) {
    this.occurredAt = Instant.now();
    this.actor = actor;
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getTargetType() {
    return targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public String getDetail() {
    return detail;
  }
}
