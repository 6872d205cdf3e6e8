package io.infodesk.feedback.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An employee's rating of one answer; a second rating by the same person updates this one. */
@Entity
@Table(name = "feedback")
@NamedQuery(
    name = Feedback.FIND_BY_RATER,
    query = "SELECT f FROM Feedback f WHERE f.interactionId = :interaction AND f.author = :user")
@AttributeOverride(name = "author", column = @Column(name = "rated_by"))
public class Feedback extends AboutAnswer {
  public static final String FIND_BY_RATER = "Feedback.findByRater";

  private String rating;
  private String comment;

  @Column(name = "correct_domain")
  private String correctDomain;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Feedback() {}

  public Feedback(Long interactionId, String ratedBy) {
    super(interactionId, ratedBy);
  }

  public void rate(String rating, String comment, String correctDomain) {
    this.rating = rating;
    this.comment = comment;
    this.correctDomain = correctDomain;
    this.updatedAt = Instant.now();
  }

  public String getRatedBy() {
    return getAuthor();
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

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
