package io.infodesk.review.control;

import io.infodesk.review.entity.Verdict;
import java.util.Map;

/** Judges one interaction from its evidence. Implementations: embedded now, LLM later. */
public interface Judge {

  /**
   * What the judge sees: the question, where it was routed (null = out of scope), the rating and
   * comment, the employee's corrected domain, the teacher's and (if any) the student's route, and
   * the best retrieval similarity in each domain.
   */
  record Evidence(
      String question,
      String routedDomain,
      boolean satisfied,
      String comment,
      String correctedDomain,
      String teacherDomain,
      String studentDomain,
      Map<String, Double> bestSimilarityByDomain) {}

  Verdict judge(Evidence evidence);
}
