package io.infodesk.answering.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.answering.entity.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The interaction log as other features read it (feedback, review, curation, the flywheel and the
 * registry), in the caller's transaction and without the callers' role checks: answering owns the
 * interaction table, and no other feature queries it.
 */
@ApplicationScoped
public class InteractionLog {

  @PersistenceContext EntityManager em;

  public Optional<Interaction> find(long id) {
    return Optional.ofNullable(em.find(Interaction.class, id));
  }

  /** The interactions of these ids that exist, by id, in one query. */
  public java.util.Map<Long, Interaction> byIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<Long, Interaction> out = new java.util.HashMap<>();
    em.createQuery("SELECT i FROM Interaction i WHERE i.id IN :ids", Interaction.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(i -> out.put(i.getId(), i));
    return out;
  }

  /** The questions asked since {@code since}, oldest first, at most {@code max}. */
  public List<Interaction> since(Instant since, int max) {
    return em.createQuery(
            "SELECT i FROM Interaction i WHERE i.createdAt >= :since ORDER BY i.createdAt",
            Interaction.class)
        .setParameter("since", since)
        .setMaxResults(max)
        .getResultList();
  }

  /** The questions routed to a domain since {@code since}, newest first, at most {@code max}. */
  public List<Interaction> routedSince(Instant since, int max) {
    return em.createQuery(
            "SELECT i FROM Interaction i WHERE i.createdAt >= :since AND i.domainKey IS NOT"
                + " NULL ORDER BY i.createdAt DESC",
            Interaction.class)
        .setParameter("since", since)
        .setMaxResults(max)
        .getResultList();
  }

  /** The questions that were routed and answered, or found out of scope or without an answer. */
  public List<Interaction> routedOutcomes() {
    return em.createQuery("SELECT i FROM Interaction i WHERE i.outcome IN :o", Interaction.class)
        .setParameter("o", List.of(Outcome.ANSWERED, Outcome.OUT_OF_SCOPE, Outcome.LOW_CONFIDENCE))
        .getResultList();
  }

  /** The latest {@code max} questions that shadow models also routed, newest first. */
  public List<Interaction> latestShadowed(int max) {
    return em.createQuery(
            "SELECT i FROM Interaction i WHERE i.shadowPredictions IS NOT NULL ORDER BY"
                + " i.createdAt DESC",
            Interaction.class)
        .setMaxResults(max)
        .getResultList();
  }

  /** The questions that the shadow model {@code version} routed. */
  public List<Interaction> shadowedBy(String version) {
    return em.createQuery(
            "SELECT i FROM Interaction i WHERE i.shadowPredictions LIKE :v", Interaction.class)
        .setParameter("v", "%\"" + version + "\"%")
        .getResultList();
  }
}
