package io.infodesk.routing.control;

import io.infodesk.platform.control.Vectors;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.model.Router;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The embedded teacher: each domain is the normalised mean of the MiniLM vectors of its description
 * and exemplars; a question goes to the nearest centroid by cosine, and is declined as out of scope
 * below the threshold.
 *
 * <p>Without a threshold set, it is calibrated from the exemplars themselves: each exemplar is
 * scored against its own domain's centroid computed without it (leave-one-out), and the threshold
 * is a low percentile of those scores, so nearly every in-domain phrasing is accepted and far-away
 * questions are not.
 */
public final class ZeroShotRouter implements Router {

  /** A domain's evidence: its description and exemplar utterances, with their vectors. */
  public record DomainEvidence(String key, float[] description, List<float[]> exemplars) {}

  private final Map<String, float[]> centroids = new LinkedHashMap<>();
  private final Function<String, float[]> embedder;
  private final double threshold;
  private final String version;

  public ZeroShotRouter(
      List<DomainEvidence> domains,
      Function<String, float[]> embedder,
      Double threshold,
      double percentile) {
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("the zero-shot router needs at least one domain");
    }
    this.embedder = embedder;
    for (DomainEvidence d : domains) {
      List<float[]> vectors = new ArrayList<>(d.exemplars());
      if (d.description() != null) {
        vectors.add(d.description());
      }
      centroids.put(d.key(), mean(vectors));
    }
    this.threshold = threshold != null ? threshold : calibrate(domains, percentile);
    int hash = 17;
    for (var e : centroids.entrySet()) {
      hash = 31 * hash + e.getKey().hashCode();
      hash = 31 * hash + Arrays.hashCode(e.getValue());
    }
    this.version = "zero-shot-" + Integer.toHexString(hash);
  }

  @Override
  public RouteDecision route(String question) {
    long start = System.nanoTime();
    float[] q = embedder.apply(question);
    return decide(q, start);
  }

  @Override
  public RouteDecision route(String question, float[] questionVector) {
    return questionVector != null ? route(questionVector) : route(question);
  }

  /** Routes an already embedded question (for callers that embed once for several uses). */
  public RouteDecision route(float[] questionVector) {
    return decide(questionVector, System.nanoTime());
  }

  private RouteDecision decide(float[] q, long start) {
    Map<String, Double> scores = new LinkedHashMap<>();
    String best = null;
    double bestScore = -2;
    for (var e : centroids.entrySet()) {
      double s = Vectors.dot(q, e.getValue());
      scores.put(e.getKey(), s);
      if (s > bestScore) {
        bestScore = s;
        best = e.getKey();
      }
    }
    long micros = (System.nanoTime() - start) / 1000;
    return new RouteDecision(
        bestScore >= threshold ? best : null, bestScore, version, micros, null, scores);
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public String version() {
    return version;
  }

  static double calibrate(List<DomainEvidence> domains, double percentile) {
    List<Double> scores = new ArrayList<>();
    for (DomainEvidence d : domains) {
      for (int i = 0; i < d.exemplars().size(); i++) {
        List<float[]> others = new ArrayList<>(d.exemplars());
        float[] held = others.remove(i);
        if (d.description() != null) {
          others.add(d.description());
        }
        if (!others.isEmpty()) {
          scores.add(Vectors.dot(held, mean(others)));
        }
      }
    }
    if (scores.isEmpty()) {
      return 0.3;
    }
    scores.sort(Double::compare);
    int index = (int) Math.floor(percentile * (scores.size() - 1));
    return Math.max(0.1, Math.min(0.6, scores.get(index)));
  }

  static float[] mean(List<float[]> vectors) {
    float[] m = new float[vectors.get(0).length];
    for (float[] v : vectors) {
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i];
      }
    }
    double norm = 0;
    for (float x : m) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < m.length; i++) {
      m[i] *= scale;
    }
    return m;
  }
}
