package io.infodesk.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An employee's request for a human to take over a question InfoDesk could not answer well. */
@Entity
@Table(name = "escalation")
@NamedQuery(
    name = Escalation.FIND_ALL,
    query = "SELECT e FROM Escalation e ORDER BY e.createdAt DESC, e.id DESC")
@NamedQuery(
    name = Escalation.FIND_BY_REQUESTER,
    query =
        "SELECT e FROM Escalation e WHERE e.requestedBy = :user ORDER BY e.createdAt DESC, e.id DESC")
public class Escalation {
  public static final String FIND_ALL = "Escalation.findAll";
  public static final String FIND_BY_REQUESTER = "Escalation.findByRequester";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "interaction_id")
  private Long interactionId;

  @Column(name = "requested_by")
  private String requestedBy;

  private String note;
  private String status;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Escalation() {}

  public Escalation(Long interactionId, String requestedBy, String note) {
    this.interactionId = interactionId;
    this.requestedBy = requestedBy;
    this.note = note;
    this.status = "OPEN";
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Long getInteractionId() {
    return interactionId;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public String getNote() {
    return note;
  }

  public String getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
