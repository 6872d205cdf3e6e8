package io.infodesk.curation.boundary;

import io.infodesk.review.boundary.CuratedLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;

/** The label counts of the latest dataset version, for review's judge ({@link CuratedLabels}). */
@ApplicationScoped
public class DatasetLabels implements CuratedLabels {

  @PersistenceContext EntityManager em;

  @Override
  public Map<String, Integer> latestCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT e.label, COUNT(e) FROM DatasetExample e WHERE e.versionId = (SELECT"
                    + " MAX(v.id) FROM DatasetVersion v) GROUP BY e.label",
                Object[].class)
            .getResultList()) {
      counts.put((String) row[0], ((Number) row[1]).intValue());
    }
    return counts;
  }
}
