package io.infodesk.review.control;

import io.infodesk.platform.control.Vectors;
import io.infodesk.routing.model.NgramFeaturizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spends the SME budget where a review pays: items are ordered by the expected gain of reviewing
 * them, the probability that their label is wrong times the number of questions the decision
 * settles (the item and its near-duplicates with the same label) times a class-balance factor
 * (labels with few examples weigh more). Not first come, first served.
 */
public final class ReviewBudget {

  /**
   * A question that could be reviewed.
   *
   * @param text the question, or null where only its vector may tell its near-duplicates
   */
  public record Candidate(
      String key,
      String label,
      double wrongProbability,
      float[] vector,
      String text,
      String reason) {}

  /** A chosen review: its gain, the near-duplicates its decision settles, and why it was chosen. */
  public record Choice(Candidate candidate, double gain, List<Candidate> settles, String reason) {}

  /**
   * Near-duplicates at or above this MiniLM similarity are settled by one decision, where their
   * texts share enough of their n-grams too ({@link NgramFeaturizer#mayBeNearDuplicates}, as in
   * curation).
   */
  public static final double NEAR_DUPLICATE = 0.9;

  /** Candidates considered per choice, the likeliest wrong first (bounds the pairwise work). */
  static final int MAX_CONSIDERED = 3000;

  private ReviewBudget() {}

  /**
   * @param candidates the questions that could be reviewed
   * @param budget the most items to choose
   * @param labelCounts how many curated examples each label has (for class balance)
   * @param minWrong candidates less likely wrong than this are not worth a review
   */
  public static List<Choice> choose(
      List<Candidate> candidates, int budget, Map<String, Integer> labelCounts, double minWrong) {
    List<Candidate> pool =
        new ArrayList<>(
            candidates.stream()
                .filter(c -> c.wrongProbability() >= minWrong)
                .sorted(Comparator.comparingDouble(Candidate::wrongProbability).reversed())
                .limit(MAX_CONSIDERED)
                .toList());
    double mean =
        labelCounts.isEmpty()
            ? 1
            : labelCounts.values().stream().mapToInt(Integer::intValue).average().orElse(1);
    Map<String, List<Candidate>> duplicates = new HashMap<>();
    List<NgramFeaturizer.Compared> words =
        pool.stream()
            .map(c -> c.text() == null ? null : NgramFeaturizer.Compared.of(c.text()))
            .toList();
    for (int i = 0; i < pool.size(); i++) {
      Candidate a = pool.get(i);
      for (int j = i + 1; j < pool.size(); j++) {
        Candidate b = pool.get(j);
        if (a.label().equals(b.label())
            && a.vector() != null
            && b.vector() != null
            && Vectors.dot(a.vector(), b.vector()) >= NEAR_DUPLICATE
            && (words.get(i) == null
                || words.get(j) == null
                || NgramFeaturizer.mayBeNearDuplicates(words.get(i), words.get(j)))) {
          duplicates.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(b);
          duplicates.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    List<Choice> chosen = new ArrayList<>();
    java.util.Set<String> settled = new java.util.HashSet<>();
    while (chosen.size() < budget) {
      Choice best = null;
      for (Candidate c : pool) {
        if (settled.contains(c.key())) {
          continue;
        }
        List<Candidate> dups =
            duplicates.getOrDefault(c.key(), List.of()).stream()
                .filter(d -> !settled.contains(d.key()))
                .toList();
        double balance =
            Math.max(
                0.5,
                Math.min(2, Math.sqrt(mean / Math.max(1, labelCounts.getOrDefault(c.label(), 0)))));
        double gain = c.wrongProbability() * (1 + dups.size()) * balance;
        if (best == null || gain > best.gain()) {
          best =
              new Choice(
                  c,
                  gain,
                  dups,
                  String.format(
                      Locale.ROOT,
                      "%.0f%% likely wrong%s%s; %s",
                      100 * c.wrongProbability(),
                      dups.isEmpty() ? "" : ", settles " + dups.size() + " near-duplicates",
                      balance > 1.05 ? ", a small class" : "",
                      c.reason()));
        }
      }
      if (best == null) {
        break;
      }
      chosen.add(best);
      settled.add(best.candidate().key());
      best.settles().forEach(d -> settled.add(d.key()));
    }
    return chosen;
  }
}
