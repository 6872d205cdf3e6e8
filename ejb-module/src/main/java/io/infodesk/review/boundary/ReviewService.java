package io.infodesk.review.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.feedback.entity.Feedback;
import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.platform.control.Jsons;
import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.review.control.Consensus;
import io.infodesk.review.entity.ReviewDecided;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.entity.ReviewVote;
import io.infodesk.security.boundary.DomainScope;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SMEs' review queues: items whose routed or suggested domain is one of theirs (admins see all),
 * claimed under a 15-minute lease and voted on as CONFIRM_ROUTE, CORRECT_DOMAIN (with the domain),
 * NOT_ROUTING or SKIP. Each item needs {@code infodesk.review.reviewers} votes (default 1) that
 * agree under {@code infodesk.review.consensus} (majority or unanimous); disagreements wait for an
 * admin. Every vote and resolution is audited.
 */
@Stateless
@RolesAllowed({Role.SME_NAME, Role.ADMIN_NAME})
public class ReviewService {

  public static final Duration LEASE = Duration.ofMinutes(15);
  public static final String OUT_OF_SCOPE = io.infodesk.routing.entity.RouteLabels.OUT_OF_SCOPE;

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject io.infodesk.feedback.boundary.Ratings ratings;
  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @jakarta.inject.Inject io.infodesk.knowledge.boundary.ChunkStore chunkStore;
  @jakarta.inject.Inject io.infodesk.knowledge.boundary.DomainDirectory domains;
  @EJB DomainScope scope;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<ReviewDecided> decisions;
  @EJB io.infodesk.platform.boundary.RuntimeSettings settings;

  /** The most items one page of the queue or the disputes holds. */
  public static final int MAX_PAGE = 200;

  /** Pending items the caller may work on, optionally of one domain, highest gain first. */
  public List<ReviewItem> queue(String domain) {
    return queue(domain, 0, MAX_PAGE);
  }

  /**
   * One page of the pending items the caller may work on (their domains, not voted on by them, not
   * claimed by someone else), optionally of one domain, in the order of the expected gain of a
   * review. The database filters and pages; nothing loads the whole queue.
   */
  public List<ReviewItem> queue(String domain, int first, int max) {
    return queue(domain, null, first, max);
  }

  /**
   * The same, optionally also of one attribution of the judge's verdict (for example {@code
   * ROUTING} or {@code CONTENT}); the database filters.
   */
  public List<ReviewItem> queue(String domain, String attribution, int first, int max) {
    if (domain != null && !domains.exists(domain)) {
      throw new io.infodesk.platform.entity.InvalidInputException("no domain '" + domain + "'");
    }
    Instant now = Instant.now();
    String me = scope.caller();
    Set<String> mine = scope.isAdmin() ? null : scope.domains(Role.SME_NAME);
    if (mine != null && mine.isEmpty()) {
      return List.of();
    }
    StringBuilder q =
        new StringBuilder(
            "SELECT r FROM ReviewItem r WHERE r.status = 'PENDING'"
                + " AND (r.claimedBy IS NULL OR r.claimedBy = :me OR r.claimExpiresAt < :now)"
                + " AND NOT EXISTS (SELECT v FROM ReviewVote v WHERE v.reviewItemId = r.id"
                + " AND v.reviewer = :me)");
    if (mine != null) {
      q.append(" AND (r.routedDomain IN :mine OR r.suggestedDomain IN :mine)");
    }
    if (domain != null) {
      q.append(" AND (r.routedDomain = :domain OR r.suggestedDomain = :domain)");
    }
    if (attribution != null) {
      q.append(" AND r.attribution = :attribution");
    }
    q.append(" ORDER BY r.priority DESC, r.confidence DESC, r.id");
    var query =
        em.createQuery(q.toString(), ReviewItem.class)
            .setParameter("me", me)
            .setParameter("now", now);
    if (mine != null) {
      query.setParameter("mine", mine);
    }
    if (domain != null) {
      query.setParameter("domain", domain);
    }
    if (attribution != null) {
      query.setParameter("attribution", attribution);
    }
    return query
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(MAX_PAGE, max)))
        .getResultList();
  }

  /**
   * Claims the first item of the caller's queue (optionally of one domain and one attribution) that
   * is still free, in the queue's order; empty when none is. The queue already leaves out what the
   * caller voted on and what another reviewer holds.
   */
  public Optional<ReviewItem> claimNext(String domain, String attribution) {
    Instant now = Instant.now();
    String me = scope.caller();
    for (ReviewItem item : queue(domain, attribution, 0, MAX_PAGE)) {
      if (item.claimableBy(me, now)) {
        item.claim(me, now, LEASE);
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  public ReviewItem claim(long id) {
    ReviewItem item = find(id);
    Instant now = Instant.now();
    if (votedBy(scope.caller()).contains(id)) {
      throw new ConflictException("you have already voted on review item " + id);
    }
    if (!item.claimableBy(scope.caller(), now)) {
      throw new ConflictException(
          "review item "
              + id
              + " is "
              + ("DECIDED".equals(item.getStatus())
                  ? "already decided"
                  : "DISPUTED".equals(item.getStatus())
                      ? "disputed and waits for an admin"
                      : "claimed by someone else until " + item.getClaimExpiresAt()));
    }
    item.claim(scope.caller(), now, LEASE);
    return item;
  }

  /**
   * The caller's vote on an item they hold. SKIP passes it on to another reviewer; other votes
   * count towards the item's required number, and the consensus rule then decides it or sends it to
   * an admin as DISPUTED.
   */
  public ReviewItem decide(long id, String decision, String domain) {
    ReviewItem.Decision d = parse(decision);
    String decided = domainOf(d, domain);
    ReviewItem item = find(id);
    String me = scope.caller();
    if (!item.heldBy(me, Instant.now())) {
      throw new ConflictException(
          "claim review item "
              + id
              + " before deciding it (claims last "
              + LEASE.toMinutes()
              + " minutes)");
    }
    em.persist(new ReviewVote(id, me, d.name(), decided));
    decisions.fire(new ReviewDecided(d.name(), item.getRoutedDomain()));
    audited.fire(
        new Audited(
            "REVIEW_DECIDED",
            "review-item",
            String.valueOf(id),
            d + (decided == null ? "" : " " + decided)));
    List<ReviewVote> votes = votes(id);
    Consensus.Outcome outcome =
        Consensus.of(
            votes.stream()
                .map(v -> new Consensus.Vote(v.getDecision(), v.getDecidedDomain()))
                .toList(),
            item.getRequiredVotes(),
            rule());
    switch (outcome.status()) {
      case "DECIDED" -> {
        String by =
            String.join(
                ",",
                votes.stream()
                    .filter(v -> !"SKIP".equals(v.getDecision()))
                    .map(ReviewVote::getReviewer)
                    .toList());
        item.decide(
            ReviewItem.Decision.valueOf(outcome.decided().decision()),
            outcome.decided().domain(),
            by.length() > 100 ? by.substring(0, 100) : by);
      }
      case "DISPUTED" -> {
        item.dispute();
        audited.fire(
            new Audited(
                "REVIEW_DISPUTED",
                "review-item",
                String.valueOf(id),
                votes.stream()
                    .map(
                        v ->
                            v.getReviewer()
                                + "="
                                + v.getDecision()
                                + (v.getDecidedDomain() == null ? "" : " " + v.getDecidedDomain()))
                    .toList()
                    .toString()));
      }
      default -> item.release();
    }
    return item;
  }

  /** A retrieved passage as the reviewer sees it. */
  public record PassageView(String source, String heading, String text, double similarity) {
    public String getSource() {
      return source;
    }

    public String getHeading() {
      return heading;
    }

    public String getText() {
      return text;
    }

    public double getSimilarity() {
      return similarity;
    }
  }

  /** Everything a reviewer needs to decide an item: the exchange, the evidence and the verdict. */
  public record Context(
      ReviewItem item,
      String answerHtml,
      String outcome,
      String rating,
      String comment,
      String correctedDomain,
      List<PassageView> passages) {
    public ReviewItem getItem() {
      return item;
    }

    public String getAnswerHtml() {
      return answerHtml;
    }

    public String getOutcome() {
      return outcome;
    }

    public String getRating() {
      return rating;
    }

    public String getComment() {
      return comment;
    }

    public String getCorrectedDomain() {
      return correctedDomain;
    }

    public List<PassageView> getPassages() {
      return passages;
    }
  }

  /** The item with its interaction, for a reviewer of its domains. */
  public Context context(long id) {
    ReviewItem item = find(id);
    Interaction i = log.find(item.getInteractionId()).orElse(null);
    List<Feedback> feedback = ratings.of(item.getInteractionId());
    Feedback f = feedback.isEmpty() ? null : feedback.get(0);
    List<PassageView> passages = new java.util.ArrayList<>();
    if (i != null && i.getRetrieved() != null && !i.getRetrieved().isBlank()) {
      java.util.Map<Long, Double> similarity = new java.util.LinkedHashMap<>();
      try (var reader = Jsons.JSON.createReader(new java.io.StringReader(i.getRetrieved()))) {
        reader
            .readArray()
            .getValuesAs(jakarta.json.JsonObject.class)
            .forEach(
                p ->
                    similarity.put(
                        p.getJsonNumber("chunkId").longValue(),
                        p.getJsonNumber("similarity").doubleValue()));
      }
      if (!similarity.isEmpty()) {
        java.util.Map<Long, Chunk> chunks = new java.util.HashMap<>();
        chunkStore.byIds(similarity.keySet()).forEach(c -> chunks.put(c.getId(), c));
        similarity.forEach(
            (chunkId, sim) -> {
              Chunk c = chunks.get(chunkId);
              if (c != null) {
                passages.add(
                    new PassageView(
                        c.getSource().getTitle(),
                        c.getHeading(),
                        c.getText().length() > 600
                            ? c.getText().substring(0, 600) + "…"
                            : c.getText(),
                        sim));
              }
            });
      }
    }
    return new Context(
        item,
        i == null ? "" : io.infodesk.guardrails.model.SafeHtml.sanitize(i.getAnswer()),
        i == null || i.getOutcome() == null ? "" : i.getOutcome().name(),
        f == null ? null : f.getRating(),
        f == null ? null : f.getComment(),
        f == null ? null : f.getCorrectDomain(),
        passages);
  }

  /** Items whose reviewers disagreed, for an admin. */
  @RolesAllowed(Role.ADMIN_NAME)
  public List<ReviewItem> disputes() {
    return disputes(0, MAX_PAGE);
  }

  /** One page of the disputed items, oldest first. */
  @RolesAllowed(Role.ADMIN_NAME)
  public List<ReviewItem> disputes(int first, int max) {
    return em.createNamedQuery(ReviewItem.FIND_DISPUTED, ReviewItem.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(MAX_PAGE, max)))
        .getResultList();
  }

  /** An admin settles a disputed item. */
  @RolesAllowed(Role.ADMIN_NAME)
  public ReviewItem resolve(long id, String decision, String domain) {
    ReviewItem.Decision d = parse(decision);
    if (d == ReviewItem.Decision.SKIP) {
      throw new InvalidInputException("a dispute is resolved with a decision, not SKIP");
    }
    String decided = domainOf(d, domain);
    ReviewItem item = find(id);
    if (!"DISPUTED".equals(item.getStatus())) {
      throw new ConflictException(
          "review item " + id + " is " + item.getStatus() + ", not DISPUTED");
    }
    item.decide(d, decided, scope.caller());
    decisions.fire(new ReviewDecided(d.name(), item.getRoutedDomain()));
    audited.fire(
        new Audited(
            "REVIEW_RESOLVED",
            "review-item",
            String.valueOf(id),
            d + (decided == null ? "" : " " + decided)));
    return item;
  }

  /** Everyone's votes on an item the caller may see. */
  public List<ReviewVote> votesOn(long id) {
    find(id);
    return votes(id);
  }

  /** The caller's own votes, newest first. */
  public List<ReviewVote> history(int max) {
    return em.createNamedQuery(ReviewVote.FIND_BY_REVIEWER, ReviewVote.class)
        .setParameter("reviewer", scope.caller())
        .setMaxResults(Math.max(1, Math.min(max, 500)))
        .getResultList();
  }

  private List<ReviewVote> votes(long id) {
    return em.createNamedQuery(ReviewVote.FIND_BY_ITEM, ReviewVote.class)
        .setParameter("item", id)
        .getResultList();
  }

  private Consensus.Rule rule() {
    return Consensus.Rule.parse(settings.text("infodesk.review.consensus"));
  }

  private static ReviewItem.Decision parse(String decision) {
    try {
      return ReviewItem.Decision.valueOf(
          decision == null ? "" : decision.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "decision must be one of CONFIRM_ROUTE, CORRECT_DOMAIN, NOT_ROUTING, SKIP");
    }
  }

  private String domainOf(ReviewItem.Decision d, String domain) {
    if (d != ReviewItem.Decision.CORRECT_DOMAIN) {
      return null;
    }
    if (domain == null || domain.isBlank()) {
      throw new InvalidInputException(
          "CORRECT_DOMAIN needs the right domain (a key or \"out-of-scope\")");
    }
    String decided = domain.strip();
    if (!decided.equals(OUT_OF_SCOPE) && !domains.exists(decided)) {
      throw new InvalidInputException("unknown domain '" + decided + "'");
    }
    return decided;
  }

  private Set<Long> votedBy(String reviewer) {
    return new java.util.HashSet<>(
        em.createQuery(
                "SELECT v.reviewItemId FROM ReviewVote v WHERE v.reviewer = :reviewer", Long.class)
            .setParameter("reviewer", reviewer)
            .getResultList());
  }

  private ReviewItem find(long id) {
    ReviewItem item = em.find(ReviewItem.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (item == null || !visible(item, scope.isAdmin() ? null : scope.domains(Role.SME_NAME))) {
      throw new UnknownEntityException("no review item " + id + " in your domains");
    }
    return item;
  }

  /** Admins ({@code mine} null) see every item; SMEs those touching one of their domains. */
  private static boolean visible(ReviewItem r, Set<String> mine) {
    return mine == null
        || mine.contains(r.getRoutedDomain())
        || mine.contains(r.getSuggestedDomain());
  }

  /** Items waiting for an SME, by the domain they were routed to (for the metrics). */
  @jakarta.annotation.security.PermitAll
  public java.util.Map<String, Long> pendingByDomain() {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT r.routedDomain, COUNT(r) FROM ReviewItem r WHERE r.status = 'PENDING'"
                    + " GROUP BY r.routedDomain",
                Object[].class)
            .getResultList()) {
      out.put(row[0] == null ? "none" : (String) row[0], ((Number) row[1]).longValue());
    }
    return out;
  }
}
