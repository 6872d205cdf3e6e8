package io.infodesk.retrieval.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion: a chunk scores {@code Σ weight_i / (k + rank_i)} over the
 * rankings it appears in (rank from 1). Equal weights can lose to the better single ranking, so
 * each domain's weights are tuned ({@link FusionTuner}).
 */
public final class RankFusion {

  public static final int DEFAULT_K = 60;

  /** A fused result with its fused score. */
  public record Fused(long chunkId, double score) {}

  private RankFusion() {}

  public static List<Fused> fuse(
      List<LuceneIndex.Hit> keyword,
      double keywordWeight,
      List<LuceneIndex.Hit> vector,
      double vectorWeight,
      int k) {
    Map<Long, Double> scores = new HashMap<>();
    add(scores, keyword, keywordWeight, k);
    add(scores, vector, vectorWeight, k);
    List<Fused> fused = new ArrayList<>();
    scores.forEach((id, score) -> fused.add(new Fused(id, score)));
    fused.sort(
        Comparator.comparingDouble(Fused::score).reversed().thenComparingLong(Fused::chunkId));
    return fused;
  }

  private static void add(
      Map<Long, Double> scores, List<LuceneIndex.Hit> ranking, double weight, int k) {
    if (weight <= 0) {
      return;
    }
    for (int i = 0; i < ranking.size(); i++) {
      scores.merge(ranking.get(i).chunkId(), weight / (k + i + 1), Double::sum);
    }
  }
}
