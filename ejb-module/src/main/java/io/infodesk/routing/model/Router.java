package io.infodesk.routing.model;

import io.infodesk.routing.entity.RouteDecision;

/** Sends a question to a domain, or declines it. Implementations are thread-safe. */
public interface Router {
  RouteDecision route(String question);

  String version();

  /**
   * Whether each route is a call to a service outside (the LLM teacher): paid, and slow for reasons
   * no warm-up changes, so an evaluation asks it each question once.
   */
  default boolean remote() {
    return false;
  }
}
