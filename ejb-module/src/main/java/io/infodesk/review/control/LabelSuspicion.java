package io.infodesk.review.control;

import io.infodesk.platform.control.Vectors;
import io.infodesk.review.model.JudgeLabel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How likely a question's label is wrong, from what the flywheel has learned so far: a student
 * trained out of fold (cross-validated, so it never saw this label), the nearest curated examples
 * by MiniLM similarity, the teacher's route, the rating and the embedded judge's verdict. A label
 * that the out-of-fold student and the neighbours contradict with confidence is a suspected label
 * error (the idea behind confident learning), whether it is new traffic or an old LOGGED label.
 */
public final class LabelSuspicion {

  /** A curated example near the question. */
  public record Neighbour(String label, double similarity) {}

  /**
   * The {@code k} labelled examples most similar to {@code query} (dot product of unit vectors),
   * most similar first; {@code except} (an index into the lists, or -1) is left out, so that an
   * example is not its own neighbour.
   */
  public static List<Neighbour> nearest(
      float[] query, List<float[]> vectors, List<String> labels, int k, int except) {
    java.util.PriorityQueue<double[]> top =
        new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble(x -> x[0]));
    for (int i = 0; i < vectors.size(); i++) {
      if (i == except) {
        continue;
      }
      double sim = Vectors.dot(query, vectors.get(i));
      if (top.size() < k) {
        top.add(new double[] {sim, i});
      } else if (!top.isEmpty() && sim > top.peek()[0]) {
        top.poll();
        top.add(new double[] {sim, i});
      }
    }
    List<Neighbour> out = new ArrayList<>();
    top.stream()
        .sorted(java.util.Comparator.comparingDouble((double[] x) -> x[0]).reversed())
        .forEach(x -> out.add(new Neighbour(labels.get((int) x[1]), x[0])));
    return out;
  }

  /**
   * Whether the teacher, the student and the nearest examples (their majority above {@link
   * #MIN_NEIGHBOUR_SIMILARITY}) give the same label; a missing opinion does not disagree.
   */
  public static boolean agree(String teacher, String student, List<Neighbour> nearest) {
    Map<String, Double> votes = new LinkedHashMap<>();
    nearest.stream()
        .filter(n -> n.similarity() >= MIN_NEIGHBOUR_SIMILARITY)
        .forEach(n -> votes.merge(n.label(), n.similarity(), Double::sum));
    String neighbours = top(votes, null);
    java.util.Set<String> opinions = new java.util.HashSet<>();
    for (String o : new String[] {teacher, student, neighbours}) {
      if (o != null) {
        opinions.add(o);
      }
    }
    return opinions.size() <= 1;
  }

  /**
   * @param label the current label (the route, for a question without one)
   * @param teacherLabel the teacher's route, or null where unknown
   * @param student the out-of-fold student's probability per label, or null before any student
   * @param nearest the nearest curated examples, most similar first (may be empty)
   * @param unsatisfied the employee rated the answer down
   * @param judgeFlagged the embedded (or LLM) judge attributed the failure to routing
   */
  public record Evidence(
      String label,
      String teacherLabel,
      Map<String, Double> student,
      List<Neighbour> nearest,
      boolean unsatisfied,
      boolean judgeFlagged) {}

  /**
   * The probability that the label is wrong, the likeliest other label with the learned evidence's
   * probability for it (0 where only the teacher suggests it), and why.
   */
  public record Assessment(
      double wrongProbability, String suggested, double suggestedProbability, String reason) {

    /**
     * The judge's opinion of the label from this assessment ({@link JudgeLabel#of}).
     *
     * @param provenance where the current label comes from, null for a question without one
     */
    public Optional<JudgeLabel> judgeLabel(String provenance) {
      return JudgeLabel.of(provenance, wrongProbability, suggested, suggestedProbability, reason);
    }

    /**
     * Whether a LOGGED label nobody complained about, re-examined with this assessment, is worth an
     * SME's review: the evidence may give opinions at all ({@code opines}, {@link
     * io.infodesk.review.model.Learning#opines()}), finds the label likelier wrong than right, and
     * is confident of another ({@link #REEXAMINE_CONFIDENCE}). Evidence the held-out examples do
     * not vouch for would otherwise take the budget from real complaints: on little data a weak
     * student out of fold is confidently wrong about right routes.
     */
    public boolean reexamines(boolean opines) {
      return opines
          && wrongProbability >= 0.5
          && suggested != null
          && suggestedProbability >= REEXAMINE_CONFIDENCE;
    }
  }

  /**
   * How confident the out-of-fold evidence must be in another label before an old LOGGED label,
   * which nobody complained about, goes to the SMEs.
   */
  public static final double REEXAMINE_CONFIDENCE = 0.7;

  /** Neighbours below this similarity say nothing about the question's label. */
  static final double MIN_NEIGHBOUR_SIMILARITY = 0.5;

  private LabelSuspicion() {}

  public static Assessment assess(Evidence e) {
    Map<String, Double> combined = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    int sources = 0;
    if (e.student() != null && !e.student().isEmpty()) {
      sources++;
      e.student().forEach((l, p) -> combined.merge(l, p, Double::sum));
      String top = top(e.student(), null);
      reasons.add(
          String.format(
              Locale.ROOT,
              "the student says %s (%.2f), %.2f for %s",
              top,
              e.student().get(top),
              e.student().getOrDefault(e.label(), 0.0),
              e.label()));
    }
    Map<String, Double> votes = new LinkedHashMap<>();
    double total = 0;
    int agreeing = 0;
    int counted = 0;
    for (Neighbour n : e.nearest()) {
      if (n.similarity() < MIN_NEIGHBOUR_SIMILARITY) {
        continue;
      }
      votes.merge(n.label(), n.similarity(), Double::sum);
      total += n.similarity();
      counted++;
      agreeing += n.label().equals(e.label()) ? 1 : 0;
    }
    if (total > 0) {
      sources++;
      double sum = total;
      votes.forEach((l, w) -> combined.merge(l, w / sum, Double::sum));
      reasons.add(agreeing + " of " + counted + " nearest labelled examples agree");
    }
    double right = sources == 0 ? 0.9 : combined.getOrDefault(e.label(), 0.0) / sources;
    if (e.teacherLabel() != null && !e.teacherLabel().equals(e.label())) {
      right *= 0.85;
      reasons.add("the teacher routed it to " + e.teacherLabel());
    }
    if (e.unsatisfied()) {
      right *= 0.5;
      reasons.add("rated down");
    }
    if (e.judgeFlagged()) {
      right *= 0.7;
      reasons.add("the judge suspects a misroute");
    }
    String suggested = top(combined, e.label());
    double suggestedProbability =
        suggested == null || sources == 0 ? 0 : combined.get(suggested) / sources;
    if (suggested == null && e.teacherLabel() != null && !e.teacherLabel().equals(e.label())) {
      suggested = e.teacherLabel();
    }
    return new Assessment(
        Math.max(0, Math.min(1, 1 - right)),
        suggested,
        suggestedProbability,
        String.join("; ", reasons));
  }

  private static String top(Map<String, Double> p, String except) {
    String best = null;
    double bestP = -1;
    for (var entry : p.entrySet()) {
      if (!entry.getKey().equals(except) && entry.getValue() > bestP) {
        best = entry.getKey();
        bestP = entry.getValue();
      }
    }
    return best;
  }
}
