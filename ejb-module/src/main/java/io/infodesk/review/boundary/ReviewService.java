package io.infodesk.review.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.security.boundary.AuditService;
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
import java.util.Set;

/**
 * SMEs' review queues: items whose routed or suggested domain is one of theirs (admins see all),
 * claimed under a 15-minute lease and decided as CONFIRM_ROUTE, CORRECT_DOMAIN (with the domain),
 * NOT_ROUTING or SKIP. Every decision is audited.
 */
@Stateless
@RolesAllowed({Role.SME_NAME, Role.ADMIN_NAME})
public class ReviewService {

  public static final Duration LEASE = Duration.ofMinutes(15);
  public static final String OUT_OF_SCOPE = io.infodesk.routing.entity.RouteLabels.OUT_OF_SCOPE;

  @PersistenceContext EntityManager em;
  @EJB DomainScope scope;
  @EJB AuditService audit;

  /** Pending items the caller may work on, optionally of one domain, highest confidence first. */
  public List<ReviewItem> queue(String domain) {
    Instant now = Instant.now();
    String me = scope.caller();
    Set<String> mine = scope.isAdmin() ? null : scope.domains();
    return em.createNamedQuery(ReviewItem.FIND_PENDING, ReviewItem.class).getResultList().stream()
        .filter(r -> visible(r, mine))
        .filter(
            r ->
                domain == null
                    || domain.equals(r.getRoutedDomain())
                    || domain.equals(r.getSuggestedDomain()))
        .filter(r -> r.claimableBy(me, now))
        .toList();
  }

  public ReviewItem claim(long id) {
    ReviewItem item = find(id);
    Instant now = Instant.now();
    if (!item.claimableBy(scope.caller(), now)) {
      throw new ConflictException(
          "review item "
              + id
              + " is "
              + ("DECIDED".equals(item.getStatus())
                  ? "already decided"
                  : "claimed by someone else until " + item.getClaimExpiresAt()));
    }
    item.claim(scope.caller(), now, LEASE);
    return item;
  }

  public ReviewItem decide(long id, String decision, String domain) {
    ReviewItem.Decision d;
    try {
      d =
          ReviewItem.Decision.valueOf(
              decision == null ? "" : decision.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "decision must be one of CONFIRM_ROUTE, CORRECT_DOMAIN, NOT_ROUTING, SKIP");
    }
    String decided = null;
    if (d == ReviewItem.Decision.CORRECT_DOMAIN) {
      if (domain == null || domain.isBlank()) {
        throw new InvalidInputException(
            "CORRECT_DOMAIN needs the right domain (a key or \"out-of-scope\")");
      }
      decided = domain.strip();
      if (!decided.equals(OUT_OF_SCOPE)
          && em.createNamedQuery(Domain.FIND_BY_KEY, Domain.class)
              .setParameter("key", decided)
              .getResultList()
              .isEmpty()) {
        throw new InvalidInputException("unknown domain '" + decided + "'");
      }
    }
    ReviewItem item = find(id);
    if (!item.heldBy(scope.caller(), Instant.now())) {
      throw new ConflictException(
          "claim review item "
              + id
              + " before deciding it (claims last "
              + LEASE.toMinutes()
              + " minutes)");
    }
    item.decide(d, decided, scope.caller());
    audit.record(
        "REVIEW_DECIDED",
        "review-item",
        String.valueOf(id),
        d + (decided == null ? "" : " " + decided));
    return item;
  }

  private ReviewItem find(long id) {
    ReviewItem item = em.find(ReviewItem.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (item == null || !visible(item, scope.isAdmin() ? null : scope.domains())) {
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
}
