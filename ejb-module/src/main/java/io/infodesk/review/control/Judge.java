package io.infodesk.review.control;

import io.infodesk.review.entity.Verdict;
import java.util.List;
import java.util.Map;

/** Judges one interaction from its evidence. Implementations: embedded now, LLM later. */
public interface Judge {

  /**
   * What the judge sees: the question, where it was routed (null = out of scope), the rating and
   * comment, the employee's corrected domain, the teacher's and (if any) the student's route, and
   * the best retrieval similarity in each domain, and what the flywheel has learned so far (null
   * before anything was learned).
   */
  record Evidence(
      String question,
      String routedDomain,
      boolean satisfied,
      String comment,
      String correctedDomain,
      String teacherDomain,
      String studentDomain,
      Map<String, Double> bestSimilarityByDomain,
      Learned learned) {

    public Evidence(
        String question,
        String routedDomain,
        boolean satisfied,
        String comment,
        String correctedDomain,
        String teacherDomain,
        String studentDomain,
        Map<String, Double> bestSimilarityByDomain) {
      this(
          question,
          routedDomain,
          satisfied,
          comment,
          correctedDomain,
          teacherDomain,
          studentDomain,
          bestSimilarityByDomain,
          null);
    }
  }

  /**
   * What the flywheel has learned about a question: the incumbent (or out-of-fold) student's label
   * and confidence, the nearest curated examples with their labels, and whether the teacher, the
   * student and the nearest examples agree.
   */
  record Learned(
      String studentLabel,
      double studentConfidence,
      List<LabelSuspicion.Neighbour> nearest,
      boolean agree) {}

  Verdict judge(Evidence evidence);
}
