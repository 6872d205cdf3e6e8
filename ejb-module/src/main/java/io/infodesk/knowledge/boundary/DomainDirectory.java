package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Domain;
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

  /** The domain with this key, if there is one. */
  public Optional<Domain> byKey(String key) {
    return em.createNamedQuery(Domain.FIND_BY_KEY, Domain.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
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
    Object[] row =
        em.createQuery(
                "SELECT COUNT(d), MAX(d.changedAt) FROM Domain d WHERE d.active = true",
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
