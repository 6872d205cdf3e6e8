package io.infodesk.feedback.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An employee's request for a human to take over a question InfoDesk could not answer well. */
@Entity
@Table(name = "escalation")
@NamedQuery(
    name = Escalation.FIND_ALL,
    query = "SELECT e FROM Escalation e ORDER BY e.createdAt DESC, e.id DESC")
@NamedQuery(
    name = Escalation.FIND_BY_REQUESTER,
    query =
        "SELECT e FROM Escalation e WHERE e.author = :user ORDER BY e.createdAt DESC, e.id DESC")
@AttributeOverride(name = "author", column = @Column(name = "requested_by"))
public class Escalation extends AboutAnswer {
  public static final String FIND_ALL = "Escalation.findAll";
  public static final String FIND_BY_REQUESTER = "Escalation.findByRequester";

  private String note;
  private String status;

  protected Escalation() {}

  public Escalation(Long interactionId, String requestedBy, String note) {
    super(interactionId, requestedBy);
    this.note = note;
    this.status = "OPEN";
  }

  public String getRequestedBy() {
    return getAuthor();
  }

  public String getNote() {
    return note;
  }

  public String getStatus() {
    return status;
  }
}
