package io.infodesk.curation.model;

import io.infodesk.platform.control.Vectors;
import io.infodesk.routing.model.NgramFeaturizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** Deduplication and stratified splitting of labelled examples. */
public final class Curation {

  /** A labelled example and its MiniLM vector (unit length). */
  public record Example(String text, String label, float[] vector) {}

  /** Two disjoint parts. */
  public record Split(List<Example> train, List<Example> eval) {}

  private Curation() {}

  /**
   * Keeps the first of each group of duplicates: the same text after case and space folding, or a
   * cosine similarity at or above {@code nearThreshold} to a kept example with the same label whose
   * n-grams it shares enough of ({@link NgramFeaturizer#mayBeNearDuplicates}: an encoder that
   * cannot read the script would otherwise make one of a whole label).
   */
  public static List<Example> deduplicate(List<Example> examples, double nearThreshold) {
    Set<String> seen = new HashSet<>();
    Map<String, List<Kept>> keptByLabel = new LinkedHashMap<>();
    List<Example> kept = new ArrayList<>();
    for (Example e : examples) {
      String key = e.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
      if (!seen.add(key)) {
        continue;
      }
      List<Kept> same = keptByLabel.computeIfAbsent(e.label(), k -> new ArrayList<>());
      NgramFeaturizer.Compared words = NgramFeaturizer.Compared.of(e.text());
      boolean near = false;
      for (Kept k : same) {
        if (Vectors.dot(k.vector(), e.vector()) >= nearThreshold
            && NgramFeaturizer.mayBeNearDuplicates(k.words(), words)) {
          near = true;
          break;
        }
      }
      if (!near) {
        same.add(new Kept(e.vector(), words));
        kept.add(e);
      }
    }
    return kept;
  }

  /** A kept example's vector and n-grams. */
  private record Kept(float[] vector, NgramFeaturizer.Compared words) {}

  /**
   * Splits each label's examples with the same ratio (at least one evaluation example per label
   * that has two or more), reproducibly for a seed.
   */
  public static Split stratified(List<Example> examples, double evalShare, long seed) {
    Map<String, List<Example>> byLabel = group(examples, Example::label);
    Random random = new Random(seed);
    List<Example> train = new ArrayList<>();
    List<Example> eval = new ArrayList<>();
    for (List<Example> group : byLabel.values()) {
      List<Example> shuffled = new ArrayList<>(group);
      java.util.Collections.shuffle(shuffled, random);
      int n = (int) Math.round(shuffled.size() * evalShare);
      if (n == 0 && shuffled.size() >= 2 && evalShare > 0) {
        n = 1;
      }
      eval.addAll(shuffled.subList(0, n));
      train.addAll(shuffled.subList(n, shuffled.size()));
    }
    return new Split(train, eval);
  }

  static <K> Map<K, List<Example>> group(List<Example> examples, Function<Example, K> key) {
    Map<K, List<Example>> map = new LinkedHashMap<>();
    for (Example e : examples) {
      map.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e);
    }
    return map;
  }
}
