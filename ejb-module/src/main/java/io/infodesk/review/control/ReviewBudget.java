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
   * texts share enough of their n-grams too: curation's floor ({@link
   * NgramFeaturizer#NEAR_DUPLICATE_FLOOR}), or {@link #SETTLED_NGRAMS_UNSPACED} where either is of
   * a script written without spaces.
   */
  public static final double NEAR_DUPLICATE = 0.9;

  /**
   * The n-gram cosine from which two questions of a script written without spaces, which MiniLM
   * calls near-duplicates, are settled by one decision. Curation's floor ({@link
   * NgramFeaturizer#NEAR_DUPLICATE_FLOOR}, 0.2) let half of the questions one decision settled on
   * the Chinese stand-in get a wrong label (664 of 1,319), since short Chinese questions share
   * common characters ("我忘了密码" and "我忘了打印机在哪里": 0.26); with 0.5 its live router ends at 69.8%
   * instead of 63.8%. Spaced texts keep curation's floor: at 0.5 for them too, CLINC150's 151
   * intents lost paraphrases an SME's decision had settled (docs/experiment.md).
   */
  public static final double SETTLED_NGRAMS_UNSPACED = 0.5;

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
    List<NgramFeaturizer.Sparse> words =
        pool.stream()
            .map(c -> c.text() == null ? null : NgramFeaturizer.TEXTS.featurize(c.text()))
            .toList();
    boolean[] unspaced = new boolean[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      unspaced[i] =
          pool.get(i).text() != null && NgramFeaturizer.inUnspacedScript(pool.get(i).text());
    }
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
                || NgramFeaturizer.mayBeNearDuplicates(
                    words.get(i),
                    words.get(j),
                    unspaced[i] || unspaced[j]
                        ? SETTLED_NGRAMS_UNSPACED
                        : NgramFeaturizer.NEAR_DUPLICATE_FLOOR))) {
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
