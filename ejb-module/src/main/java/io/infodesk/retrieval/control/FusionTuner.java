package io.infodesk.retrieval.control;

import java.util.List;
import java.util.function.Function;

/**
 * Chooses a domain's fusion weights from labelled questions (a question and the source that answers
 * it). It tries a grid of weight pairs that includes keyword-only and vector-only, and keeps the
 * pair with the best mean reciprocal rank, so the tuned hybrid is never worse on those questions
 * than the better of the two alone.
 */
public final class FusionTuner {

  /** A labelled question: its two rankings, already mapped from chunks to sources. */
  public record Labelled(
      List<LuceneIndex.Hit> keyword, List<LuceneIndex.Hit> vector, long relevantSource) {}

  /** The chosen weights and what they scored, next to the single retrievers. */
  public record Weights(
      double keyword, double vector, double mrr, double keywordOnlyMrr, double vectorOnlyMrr) {}

  static final double[] GRID = {0.0, 0.1, 0.25, 0.5, 0.75, 1.0};

  private FusionTuner() {}

  /**
   * @param sourceOf maps a chunk id to its source id
   */
  public static Weights tune(List<Labelled> questions, Function<Long, Long> sourceOf) {
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("tuning needs at least one labelled question");
    }
    double bestMrr = -1;
    double bestK = 1;
    double bestV = 1;
    for (double wk : GRID) {
      for (double wv : GRID) {
        if (wk == 0 && wv == 0) {
          continue;
        }
        double mrr = mrr(questions, wk, wv, sourceOf);
        // ties go to the more balanced pair, then to the larger weights
        if (mrr > bestMrr + 1e-12
            || (Math.abs(mrr - bestMrr) <= 1e-12 && Math.abs(wk - wv) < Math.abs(bestK - bestV))) {
          bestMrr = mrr;
          bestK = wk;
          bestV = wv;
        }
      }
    }
    return new Weights(
        bestK, bestV, bestMrr, mrr(questions, 1, 0, sourceOf), mrr(questions, 0, 1, sourceOf));
  }

  static double mrr(List<Labelled> questions, double wk, double wv, Function<Long, Long> sourceOf) {
    double total = 0;
    for (Labelled q : questions) {
      List<RankFusion.Fused> fused =
          RankFusion.fuse(q.keyword(), wk, q.vector(), wv, RankFusion.DEFAULT_K);
      java.util.Set<Long> seen = new java.util.HashSet<>();
      int rank = 0;
      for (RankFusion.Fused f : fused) {
        Long source = sourceOf.apply(f.chunkId());
        if (source != null && seen.add(source)) {
          rank++;
          if (source == q.relevantSource()) {
            total += 1.0 / rank;
            break;
          }
        }
      }
    }
    return total / questions.size();
  }
}
