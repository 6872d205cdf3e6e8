package io.infodesk.review.control;

import io.infodesk.platform.control.MiniLmEmbedder;
import io.infodesk.review.entity.Verdict;
import io.infodesk.review.entity.Verdict.Attribution;
import java.util.Map;
import java.util.Objects;

/**
 * The judge that needs no LLM. In order: an employee's corrected domain is a misroute; a teacher
 * and student that disagree, with the other domain's knowledge clearly closer to the question, is a
 * suspected misroute; another domain whose knowledge is much closer than the routed one's is a
 * suspected misroute; weak retrieval in the routed domain is a retrieval failure; an unsatisfied
 * employee with good retrieval points at generation; otherwise nothing is wrong.
 */
public final class EmbeddedJudge implements Judge {

  /**
   * The defaults of {@code infodesk.answering.min-similarity} and {@code
   * infodesk.judge.misroute-margin} (at the model's full embedding window).
   */
  public static final double DEFAULT_FLOOR = 0.3;

  public static final double DEFAULT_MARGIN = 0.1;

  /**
   * The default margin when chunks are embedded in a shorter window than the model's ({@code
   * infodesk.embedding.max-tokens} below 256): on the demo's knowledge base, vectors of the first
   * 128 word pieces made the default margin raise three times the false misroute alarms (15 against
   * 5 of 1,090 questions routed right); this one brings them back to the full window's rate
   * (JudgeThresholdExperiment, docs/benchmarks.md "The 128 window and the judge"). Measured at 128
   * only; windows between take it as the safer side.
   */
  public static final double SHORT_WINDOW_MARGIN = 0.15;

  /** The margin to use when {@code infodesk.judge.misroute-margin} is not set, by window. */
  public static double defaultMargin(int embeddingWindow) {
    return embeddingWindow >= MiniLmEmbedder.MODEL_MAX_TOKENS
        ? DEFAULT_MARGIN
        : SHORT_WINDOW_MARGIN;
  }

  private final double retrievalFloor;
  private final double margin;

  /**
   * @param retrievalFloor below this best similarity, retrieval failed
   * @param margin how much closer another domain's knowledge must be to suspect a misroute
   */
  public EmbeddedJudge(double retrievalFloor, double margin) {
    this.retrievalFloor = retrievalFloor;
    this.margin = margin;
  }

  @Override
  public Verdict judge(Evidence e) {
    String routed = e.routedDomain();
    if (e.correctedDomain() != null && !Objects.equals(e.correctedDomain(), routed)) {
      return new Verdict(
          Attribution.ROUTING,
          e.correctedDomain(),
          0.9,
          "the employee says it belongs to " + e.correctedDomain());
    }
    Map<String, Double> sims = e.bestSimilarityByDomain();
    double routedSim = routed == null ? 0 : sims.getOrDefault(routed, 0.0);
    String bestOther = null;
    double bestOtherSim = -1;
    for (var s : sims.entrySet()) {
      if (!s.getKey().equals(routed) && s.getValue() > bestOtherSim) {
        bestOther = s.getKey();
        bestOtherSim = s.getValue();
      }
    }
    boolean disagree =
        e.studentDomain() != null && !Objects.equals(e.studentDomain(), e.teacherDomain());
    if (bestOther != null && bestOtherSim >= retrievalFloor) {
      double gap = bestOtherSim - routedSim;
      if ((disagree && gap > 0) || gap >= margin) {
        double confidence = Math.min(0.85, 0.5 + gap + (disagree ? 0.15 : 0));
        return new Verdict(
            Attribution.ROUTING,
            bestOther,
            confidence,
            String.format(
                "%s's knowledge matches the question better (%.2f vs %.2f for %s)%s",
                bestOther,
                bestOtherSim,
                routedSim,
                routed == null ? "out of scope" : routed,
                disagree ? "; teacher and student disagree" : ""));
      }
    }
    if (e.satisfied()) {
      return new Verdict(
          Attribution.NONE,
          null,
          0.6,
          "the employee was satisfied and nothing points at a misroute");
    }
    if (routed != null && routedSim < retrievalFloor) {
      return new Verdict(
          Attribution.RETRIEVAL,
          null,
          0.6,
          String.format("the best passage in %s is a weak match (%.2f)", routed, routedSim));
    }
    return new Verdict(
        Attribution.GENERATION,
        null,
        0.5,
        "routing and retrieval look right; the answer itself did not satisfy"
            + (e.comment() == null ? "" : ": " + e.comment()));
  }
}
