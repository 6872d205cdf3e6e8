package io.infodesk.routing.entity;

import java.util.Map;

/**
 * Where a router sent a question: a domain key, or {@code null} for out of scope; its confidence;
 * the router's version; how long it took; and, if the router fell back, why.
 */
public record RouteDecision(
    String domain,
    double confidence,
    String routerVersion,
    long latencyMicros,
    String fallbackReason,
    Map<String, Double> scores) {

  public boolean outOfScope() {
    return domain == null;
  }

  public RouteDecision withFallback(String reason, long totalMicros) {
    return new RouteDecision(domain, confidence, routerVersion, totalMicros, reason, scores);
  }
}
