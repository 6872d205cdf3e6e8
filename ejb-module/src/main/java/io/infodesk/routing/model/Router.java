package io.infodesk.routing.model;

import io.infodesk.routing.entity.RouteDecision;

/** Sends a question to a domain, or declines it. Implementations are thread-safe. */
public interface Router {
  RouteDecision route(String question);

  /**
   * Routes a question whose MiniLM vector the caller already has, as on the ask path, which embeds
   * every question once for retrieval: a router that reads the vector uses it and embeds nothing
   * itself; the others route the text.
   *
   * @param questionVector the question's vector from the node's MiniLM, or null
   */
  default RouteDecision route(String question, float[] questionVector) {
    return route(question);
  }

  String version();

  /**
   * Whether each route is a call to a service outside (the LLM teacher): paid, and slow for reasons
   * no warm-up changes, so an evaluation asks it each question once.
   */
  default boolean remote() {
    return false;
  }
}
