package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.knowledge.entity.DomainsChanged;
import io.infodesk.platform.control.Settings;
import io.infodesk.security.boundary.DomainCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Domains by key, from kb_domain, in the caller's transaction: knowledge's own lookups and its
 * answer to security's {@link DomainCatalog}.
 */
@ApplicationScoped
public class DomainDirectory implements DomainCatalog {

  @PersistenceContext EntityManager em;

  /** Every domain by key, detached, with the stamp of the table it was read at and when. */
  private record Snapshot(Map<String, Domain> byKey, String stamp, long checkedAt) {}

  private volatile Snapshot snapshot;

  /** The domain with this key, if there is one. */
  public Optional<Domain> byKey(String key) {
    return em.createNamedQuery(Domain.FIND_BY_KEY, Domain.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /**
   * The domain with this key, active or not, for reading only (a detached copy shared by requests):
   * what the ask path needs for every question without a query each time. This node reads the
   * domains again when one of them changes on it, and within a few seconds of a change on another
   * node (the same delay routing has), when a cheap stamp of the table changes.
   */
  public Optional<Domain> forReading(String key) {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s == null || now - s.checkedAt() > Settings.PEER_CHANGES_CHECK_NANOS) {
      String stamp = stamp(false);
      if (s == null || !stamp.equals(s.stamp())) {
        Map<String, Domain> byKey = new java.util.HashMap<>();
        for (Domain d : all()) {
          em.detach(d);
          byKey.put(d.getKey(), d);
        }
        s = new Snapshot(Map.copyOf(byKey), stamp, now);
      } else {
        s = new Snapshot(s.byKey(), stamp, now);
      }
      snapshot = s;
    }
    return Optional.ofNullable(s.byKey().get(key));
  }

  /** A domain changed on this node: the next {@link #forReading} reads them again. */
  void domainsChanged(
      @jakarta.enterprise.event.Observes(
              during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
          DomainsChanged e) {
    snapshot = null;
  }

  /** Whether a domain with this key exists, active or not. */
  public boolean exists(String key) {
    return byKey(key).isPresent();
  }

  /** Every domain, active or not. */
  public List<Domain> all() {
    return em.createNamedQuery(Domain.FIND_ALL, Domain.class).getResultList();
  }

  /** The domains that take questions. */
  public List<Domain> active() {
    return all().stream().filter(Domain::isActive).toList();
  }

  /**
   * What the active domains are at this moment, as a short stamp that changes whenever one of them
   * is added, changed or switched off (their count and latest change).
   */
  public String activeStamp() {
    return stamp(true);
  }

  /** The count and latest change of the active domains, or of all of them. */
  private String stamp(boolean activeOnly) {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(d), MAX(d.changedAt) FROM Domain d"
                    + (activeOnly ? " WHERE d.active = true" : ""),
                Object[].class)
            .getSingleResult();
    return row[0] + "@" + row[1];
  }

  @Override
  public Map<String, String> names(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, String> found =
        em.createNamedQuery(Domain.FIND_BY_KEYS, Domain.class)
            .setParameter("keys", keys)
            .getResultStream()
            .collect(Collectors.toMap(Domain::getKey, Domain::getName));
    Map<String, String> names = new LinkedHashMap<>();
    keys.stream().filter(found::containsKey).forEach(k -> names.put(k, found.get(k)));
    return names;
  }
}
