package io.infodesk.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reviewer's vote on a review item (SKIP means they passed it on). */
@Entity
@Table(name = "review_vote")
@NamedQuery(
    name = ReviewVote.FIND_BY_ITEM,
    query = "SELECT v FROM ReviewVote v WHERE v.reviewItemId = :item ORDER BY v.id")
@NamedQuery(
    name = ReviewVote.FIND_BY_REVIEWER,
    query = "SELECT v FROM ReviewVote v WHERE v.reviewer = :reviewer ORDER BY v.id DESC")
public class ReviewVote {
  public static final String FIND_BY_ITEM = "ReviewVote.findByItem";
  public static final String FIND_BY_REVIEWER = "ReviewVote.findByReviewer";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "review_item_id")
  private Long reviewItemId;

  private String reviewer;
  private String decision;

  @Column(name = "decided_domain")
  private String decidedDomain;

  @Column(name = "created_at")
  private Instant createdAt;

  protected ReviewVote() {}

  public ReviewVote(long reviewItemId, String reviewer, String decision, String decidedDomain) {
    this.reviewItemId = reviewItemId;
    this.reviewer = reviewer;
    this.decision = decision;
    this.decidedDomain = decidedDomain;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Long getReviewItemId() {
    return reviewItemId;
  }

  public String getReviewer() {
    return reviewer;
  }

  public String getDecision() {
    return decision;
  }

  public String getDecidedDomain() {
    return decidedDomain;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
