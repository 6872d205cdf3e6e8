package io.infodesk.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/**
 * What an employee says about one answer, whichever table keeps it: an id from the shared sequence,
 * the interaction it is about, who said it (each table names that column itself) and when. A rating
 * and an escalation extend it.
 */
@MappedSuperclass
public abstract class AboutAnswer {

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "interaction_id")
  private Long interactionId;

  /** Who rated or escalated; the column is the subclass's ({@code @AttributeOverride}). */
  private String author;

  @Column(name = "created_at")
  private Instant createdAt;

  protected AboutAnswer() {}

  protected AboutAnswer(Long interactionId, String author) {
    this.interactionId = interactionId;
    this.author = author;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Long getInteractionId() {
    return interactionId;
  }

  protected String getAuthor() {
    return author;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
