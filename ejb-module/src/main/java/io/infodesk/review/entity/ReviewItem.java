package io.infodesk.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A suspected misroute waiting for an SME, with the judge's verdict and, later, the decision. */
@Entity
@Table(name = "review_item")
@NamedQuery(
    name = ReviewItem.FIND_PENDING,
    query =
        "SELECT r FROM ReviewItem r WHERE r.status = 'PENDING' ORDER BY r.priority DESC, r.confidence DESC, r.id")
@NamedQuery(
    name = ReviewItem.FIND_DISPUTED,
    query = "SELECT r FROM ReviewItem r WHERE r.status = 'DISPUTED' ORDER BY r.id")
@NamedQuery(
    name = ReviewItem.FIND_DECIDED,
    query = "SELECT r FROM ReviewItem r WHERE r.status = 'DECIDED'")
@NamedQuery(
    name = ReviewItem.FIND_BY_INTERACTION,
    query = "SELECT r FROM ReviewItem r WHERE r.interactionId = :interaction")
@NamedQuery(
    name = ReviewItem.FIND_BY_INTERACTIONS,
    query = "SELECT r FROM ReviewItem r WHERE r.interactionId IN :interactions")
public class ReviewItem {
  public static final String FIND_PENDING = "ReviewItem.findPending";
  public static final String FIND_DECIDED = "ReviewItem.findDecided";
  public static final String FIND_DISPUTED = "ReviewItem.findDisputed";
  public static final String FIND_BY_INTERACTION = "ReviewItem.findByInteraction";
  public static final String FIND_BY_INTERACTIONS = "ReviewItem.findByInteractions";

  /** What an SME can decide. */
  public enum Decision {
    CONFIRM_ROUTE,
    CORRECT_DOMAIN,
    NOT_ROUTING,
    SKIP
  }

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "interaction_id")
  private Long interactionId;

  private String question;

  @Column(name = "routed_domain")
  private String routedDomain;

  @Column(name = "suggested_domain")
  private String suggestedDomain;

  private String attribution;
  private double confidence;
  private String rationale;
  private String status;

  @Column(name = "claimed_by")
  private String claimedBy;

  @Column(name = "claim_expires_at")
  private Instant claimExpiresAt;

  private String decision;

  @Column(name = "decided_domain")
  private String decidedDomain;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  /** The expected gain of reviewing it, when the judge chose it within the budget. */
  private double priority;

  @Column(name = "selection_reason")
  private String selectionReason;

  /** Near-duplicate interactions (ids, comma-separated) that the decision also labels. */
  private String settles;

  @Column(name = "required_votes")
  private int requiredVotes;

  protected ReviewItem() {}

  public ReviewItem(
      Long interactionId,
      String question,
      String routedDomain,
      Verdict verdict,
      int requiredVotes) {
    this.requiredVotes = Math.max(1, requiredVotes);
    this.interactionId = interactionId;
    this.question = question;
    this.routedDomain = routedDomain;
    this.suggestedDomain = verdict.suggestedDomain();
    this.attribution = verdict.attribution().name();
    this.confidence = verdict.confidence();
    this.rationale =
        verdict.rationale().length() > 2000
            ? verdict.rationale().substring(0, 2000)
            : verdict.rationale();
    this.status = "PENDING";
    this.createdAt = Instant.now();
  }

  /** Why the judge chose it within the budget, with its expected gain. */
  public void chosen(double priority, String reason, List<Long> settles) {
    this.priority = priority;
    this.selectionReason =
        reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    StringBuilder ids = new StringBuilder();
    for (Long id : settles) {
      if (ids.length() + 21 > 4000) {
        break;
      }
      ids.append(ids.length() == 0 ? "" : ",").append(id);
    }
    this.settles = ids.length() == 0 ? null : ids.toString();
  }

  public double getPriority() {
    return priority;
  }

  public String getSelectionReason() {
    return selectionReason;
  }

  /** The near-duplicate interactions the decision settles. */
  public List<Long> getSettles() {
    if (settles == null || settles.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(settles.split(",")).map(Long::valueOf).toList();
  }

  /** Free to claim by {@code user}: unclaimed, the lease ran out, or already theirs. */
  public boolean claimableBy(String user, Instant now) {
    return "PENDING".equals(status)
        && (claimedBy == null || claimExpiresAt.isBefore(now) || claimedBy.equals(user));
  }

  public void claim(String user, Instant now, Duration lease) {
    this.claimedBy = user;
    this.claimExpiresAt = now.plus(lease);
  }

  public boolean heldBy(String user, Instant now) {
    return "PENDING".equals(status) && user.equals(claimedBy) && claimExpiresAt.isAfter(now);
  }

  /** The caller's claim ends (after their vote), so the next reviewer can take the item. */
  public void release() {
    this.claimedBy = null;
    this.claimExpiresAt = null;
  }

  /** The votes disagree: the item waits for an admin. */
  public void dispute() {
    release();
    this.status = "DISPUTED";
  }

  public void decide(Decision decision, String domain, String user) {
    release();
    this.decision = decision.name();
    this.decidedDomain = domain;
    this.decidedBy = user;
    this.decidedAt = Instant.now();
    this.status = "DECIDED";
  }

  public Long getId() {
    return id;
  }

  public Long getInteractionId() {
    return interactionId;
  }

  public String getQuestion() {
    return question;
  }

  public String getRoutedDomain() {
    return routedDomain;
  }

  public String getSuggestedDomain() {
    return suggestedDomain;
  }

  public String getAttribution() {
    return attribution;
  }

  public double getConfidence() {
    return confidence;
  }

  public String getRationale() {
    return rationale;
  }

  public String getStatus() {
    return status;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public Instant getClaimExpiresAt() {
    return claimExpiresAt;
  }

  public String getDecision() {
    return decision;
  }

  public String getDecidedDomain() {
    return decidedDomain;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public int getRequiredVotes() {
    return requiredVotes;
  }
}
