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

/** An employee's rating of one answer; a second rating by the same person updates this one. */
@Entity
@Table(name = "feedback")
@NamedQuery(
    name = Feedback.FIND_BY_RATER,
    query = "SELECT f FROM Feedback f WHERE f.interactionId = :interaction AND f.ratedBy = :user")
public class Feedback {
  public static final String FIND_BY_RATER = "Feedback.findByRater";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "interaction_id")
  private Long interactionId;

  @Column(name = "rated_by")
  private String ratedBy;

  private String rating;
  private String comment;

  @Column(name = "correct_domain")
  private String correctDomain;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Feedback() {}

  public Feedback(Long interactionId, String ratedBy) {
    this.interactionId = interactionId;
    this.ratedBy = ratedBy;
    this.createdAt = Instant.now();
  }

  public void rate(String rating, String comment, String correctDomain) {
    this.rating = rating;
    this.comment = comment;
    this.correctDomain = correctDomain;
    this.updatedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Long getInteractionId() {
    return interactionId;
  }

  public String getRatedBy() {
    return ratedBy;
  }

  public String getRating() {
    return rating;
  }

  public String getComment() {
    return comment;
  }

  public String getCorrectDomain() {
    return correctDomain;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
