package io.infodesk.feedback.boundary;

import io.infodesk.feedback.entity.Feedback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Employees' ratings as feedback's own services and other features read them (review, curation, the
 * flywheel), in the caller's transaction: feedback owns the feedback table, and no other feature
 * queries it.
 */
@ApplicationScoped
public class Ratings {

  /** How many ratings there are, and how many of them are up. */
  public record Counts(long ratings, long satisfied) {
    public long unsatisfied() {
      return ratings - satisfied;
    }
  }

  @PersistenceContext EntityManager em;

  public Counts counts() {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(f), SUM(CASE WHEN f.rating = 'up' THEN 1 ELSE 0 END) FROM Feedback f",
                Object[].class)
            .getSingleResult();
    return new Counts(
        ((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
  }

  /** Every rating. */
  public List<Feedback> all() {
    return em.createQuery("SELECT f FROM Feedback f", Feedback.class).getResultList();
  }

  /** The ratings in the order they were first given, a page at a time. */
  public List<Feedback> page(int first, int max) {
    return em.createQuery("SELECT f FROM Feedback f ORDER BY f.id", Feedback.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** The latest {@code max} ratings given or changed, newest first. */
  public List<Feedback> latest(int max) {
    return em.createQuery("SELECT f FROM Feedback f ORDER BY f.updatedAt DESC", Feedback.class)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The ratings first given at or after {@code since}. A rating comes after its answer, so these
   * include the ratings of every question asked since then (and some of older ones).
   */
  public List<Feedback> givenSince(Instant since) {
    return em.createQuery("SELECT f FROM Feedback f WHERE f.createdAt >= :since", Feedback.class)
        .setParameter("since", since)
        .getResultList();
  }

  /** The ratings of one answer. */
  public List<Feedback> of(long interactionId) {
    return em.createQuery("SELECT f FROM Feedback f WHERE f.interactionId = :i", Feedback.class)
        .setParameter("i", interactionId)
        .getResultList();
  }
}
