package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.security.boundary.DomainCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Knowledge's answer to security's {@link DomainCatalog}: domains by key, from kb_domain. */
@ApplicationScoped
public class DomainDirectory implements DomainCatalog {

  @PersistenceContext EntityManager em;

  @Override
  public Map<String, String> names(Collection<String> keys) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String key : keys) {
      em.createNamedQuery(Domain.FIND_BY_KEY, Domain.class)
          .setParameter("key", key)
          .getResultStream()
          .findFirst()
          .ifPresent(d -> names.put(d.getKey(), d.getName()));
    }
    return names;
  }
}
