package io.infodesk.review.boundary;

import io.infodesk.review.entity.ReviewItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The review queue's outcomes as other features read them (curation builds datasets from them, the
 * flywheel counts them), in the caller's transaction: review owns the review tables, and no other
 * feature queries them.
 */
@ApplicationScoped
public class ReviewRecords {

  @PersistenceContext EntityManager em;

  /** The items SMEs have decided. */
  public List<ReviewItem> decided() {
    return em.createNamedQuery(ReviewItem.FIND_DECIDED, ReviewItem.class).getResultList();
  }

  /** How many items the judge flagged as misroutes. */
  public long flaggedMisroutes() {
    return em.createQuery(
            "SELECT COUNT(r) FROM ReviewItem r WHERE r.attribution = 'ROUTING'", Long.class)
        .getSingleResult();
  }
}
