package io.infodesk.evaluation.model;

import io.infodesk.routing.model.ExpectedAccuracy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing quality from gold and predicted labels. Out-of-scope is its own label ({@link #OOS}) and
 * counts in accuracy; macro-F1 averages the in-scope domains only.
 */
public final class RoutingMetrics {

  public static final String OOS = io.infodesk.routing.entity.RouteLabels.OOS;

  /** Precision, recall, F1 and support of one label. */
  public record PerLabel(double precision, double recall, double f1, int support) {}

  /** The whole report. {@code confusion.get(gold).get(predicted)} counts. */
  public record Report(
      double accuracy,
      double macroF1,
      Map<String, PerLabel> perLabel,
      Map<String, Map<String, Integer>> confusion,
      double oosRecall,
      double oosPrecision,
      int total) {

    /**
     * The accuracy the router would have on traffic with {@link
     * ExpectedAccuracy#OUT_OF_SCOPE_SHARE} of its questions out of scope ({@link
     * ExpectedAccuracy#of}); plain accuracy where the examples hold one kind only.
     */
    public double expectedAccuracy() {
      return expectedAccuracy(ExpectedAccuracy.OUT_OF_SCOPE_SHARE);
    }

    /** The same, on traffic with {@code share} of its questions out of scope. */
    public double expectedAccuracy(double share) {
      Kinds k = kinds();
      return ExpectedAccuracy.of(share, k.inScopeRight(), k.inScope(), k.oosRight(), k.oos());
    }

    /** The examples by kind, from the confusion matrix: in scope, and out of scope. */
    public Kinds kinds() {
      Map<String, Integer> oosRow = confusion.getOrDefault(OOS, Map.of());
      int oos = oosRow.values().stream().mapToInt(Integer::intValue).sum();
      int inScopeRight = 0;
      for (var row : confusion.entrySet()) {
        if (!row.getKey().equals(OOS)) {
          inScopeRight += row.getValue().getOrDefault(row.getKey(), 0);
        }
      }
      return new Kinds(inScopeRight, total - oos, oosRow.getOrDefault(OOS, 0), oos);
    }
  }

  /**
   * In-scope examples ({@code inScopeRight} of {@code inScope} routed to their domain) and
   * out-of-scope ones ({@code oosRight} of {@code oos} declined).
   */
  public record Kinds(int inScopeRight, int inScope, int oosRight, int oos) {}

  private RoutingMetrics() {}

  public static Report score(List<String> labels, List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size() || gold.isEmpty()) {
      throw new IllegalArgumentException(
          "gold and predicted must be non-empty and of equal length");
    }
    List<String> all = new ArrayList<>(labels);
    if (!all.contains(OOS)) {
      all.add(OOS);
    }
    Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    for (String g : all) {
      Map<String, Integer> row = new LinkedHashMap<>();
      all.forEach(p -> row.put(p, 0));
      confusion.put(g, row);
    }
    int correct = 0;
    for (int i = 0; i < gold.size(); i++) {
      String g = gold.get(i);
      String p = predicted.get(i);
      confusion.computeIfAbsent(g, k -> new LinkedHashMap<>()).merge(p, 1, Integer::sum);
      if (g.equals(p)) {
        correct++;
      }
    }
    Map<String, PerLabel> per = new LinkedHashMap<>();
    double f1Sum = 0;
    int domains = 0;
    for (String label : all) {
      int tp = confusion.get(label).getOrDefault(label, 0);
      int support = confusion.get(label).values().stream().mapToInt(Integer::intValue).sum();
      int predictedAs = 0;
      for (Map<String, Integer> row : confusion.values()) {
        predictedAs += row.getOrDefault(label, 0);
      }
      double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
      double recall = support == 0 ? 0 : (double) tp / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      per.put(label, new PerLabel(precision, recall, f1, support));
      if (!label.equals(OOS) && support > 0) {
        f1Sum += f1;
        domains++;
      }
    }
    PerLabel oos = per.get(OOS);
    return new Report(
        (double) correct / gold.size(),
        domains == 0 ? 0 : f1Sum / domains,
        per,
        confusion,
        oos.recall(),
        oos.precision(),
        gold.size());
  }

  /** The p-th percentile (0..100) by nearest rank. */
  public static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
