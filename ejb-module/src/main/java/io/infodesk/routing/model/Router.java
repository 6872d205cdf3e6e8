package io.infodesk.routing.model;

import io.infodesk.routing.entity.RouteDecision;

/** Sends a question to a domain, or declines it. Implementations are thread-safe. */
public interface Router {
  RouteDecision route(String question);

  String version();
}
