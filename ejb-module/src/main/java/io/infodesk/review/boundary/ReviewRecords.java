package io.infodesk.review.boundary;

import io.infodesk.review.entity.JudgeOpinion;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.model.JudgeLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * The judge's latest opinion of each interaction's label (a label for a rated-down question, or a
   * route's label set aside), by interaction id; an SME's decision overrules it.
   */
  public Map<Long, JudgeLabel> judgeLabels() {
    Map<Long, JudgeLabel> out = new HashMap<>();
    em.createNamedQuery(JudgeOpinion.FIND_ALL, JudgeOpinion.class)
        .getResultList()
        .forEach(o -> out.put(o.getInteractionId(), o.toLabel()));
    return out;
  }
}
