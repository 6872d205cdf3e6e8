package io.infodesk.answering.entity;

import java.util.List;
import java.util.Map;

/**
 * Fired when an answered question has been stored: what other features (metrics, say) may know of
 * it without reading the interaction log.
 *
 * @param domain the routed domain's key, or null when none was chosen
 * @param routerVersion the router that chose it, or null
 * @param latencyMicros each stage's latency (guard, embed, route, retrieve, answer, total)
 * @param guardrailKinds the kinds of the guardrail events the question raised
 */
public record QuestionAnswered(
    Outcome outcome,
    String domain,
    String routerVersion,
    Map<String, Long> latencyMicros,
    List<String> guardrailKinds) {}
