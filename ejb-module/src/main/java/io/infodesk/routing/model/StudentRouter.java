package io.infodesk.routing.model;

import io.infodesk.routing.entity.RouteDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A trained student router served from plain arrays: the hashed n-gram model (no encoder) or the
 * MLP over MiniLM embeddings. It declines a question as out of scope when the top label is {@code
 * oos} or its probability is below the tuned threshold.
 */
public final class StudentRouter implements Router {

  public static final String OOS = io.infodesk.routing.entity.RouteLabels.OOS;

  private final String version;
  private final List<String> labels;
  private final LinearHead head;
  private final double threshold;
  private final NgramFeaturizer ngrams;
  private final Function<String, float[]> embedder;

  /**
   * An n-gram student when {@code ngrams} is given, else a MiniLM student using {@code embedder}.
   */
  public StudentRouter(
      String version,
      List<String> labels,
      LinearHead head,
      double threshold,
      NgramFeaturizer ngrams,
      Function<String, float[]> embedder) {
    this.version = version;
    this.labels = List.copyOf(labels);
    this.head = head;
    this.threshold = threshold;
    this.ngrams = ngrams;
    this.embedder = embedder;
  }

  /** The labels, in the order of the head's outputs (domains and {@code oos}). */
  public List<String> labels() {
    return labels;
  }

  public boolean needsEmbedding() {
    return ngrams == null;
  }

  @Override
  public Cost cost() {
    return needsEmbedding() ? Cost.EMBEDDING : Cost.TEXT;
  }

  @Override
  public RouteDecision route(String question) {
    long start = System.nanoTime();
    float[] p =
        ngrams != null
            ? head.probabilities(ngrams.featurize(question))
            : head.probabilities(embedder.apply(question));
    return decide(p, start);
  }

  @Override
  public RouteDecision route(String question, float[] questionVector) {
    return needsEmbedding() && questionVector != null ? route(questionVector) : route(question);
  }

  /** For the MiniLM student when the question is already embedded. */
  public RouteDecision route(float[] questionVector) {
    return decide(head.probabilities(questionVector), System.nanoTime());
  }

  private RouteDecision decide(float[] p, long start) {
    int best = LinearHead.argmax(p);
    String label = labels.get(best);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < p.length; i++) {
      scores.put(labels.get(i), (double) p[i]);
    }
    String domain = label.equals(OOS) || p[best] < threshold ? null : label;
    return new RouteDecision(
        domain, p[best], version, (System.nanoTime() - start) / 1000, null, scores);
  }

  /** The label a route stands for in evaluation: a domain key or {@code oos}. */
  public static String label(RouteDecision d) {
    return d.domain() == null ? OOS : d.domain();
  }

  @Override
  public String version() {
    return version;
  }
}
