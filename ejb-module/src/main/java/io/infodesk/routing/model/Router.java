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

  /**
   * What a router spends on each route, in three steps far apart: a call to a service outside
   * (seconds, and paid), embedding the question with MiniLM (milliseconds), reading its text alone
   * (tens of microseconds). The promotion gate's accuracy tolerance is the price of being cheaper
   * than the teacher, so it counts only for a candidate a step below it. Timings cannot decide it:
   * on the ask path the question's vector is already there, and a training run's timings are noisy.
   */
  enum Cost {
    TEXT("reads the question's text alone"),
    EMBEDDING("embeds the question with MiniLM"),
    REMOTE("calls a service outside");

    private final String description;

    Cost(String description) {
      this.description = description;
    }

    /** What a router of this cost does for each route, as the gate's reasons say it. */
    public String description() {
      return description;
    }
  }

  /** A local router is taken to embed the question unless it says it reads the text alone. */
  default Cost cost() {
    return remote() ? Cost.REMOTE : Cost.EMBEDDING;
  }
}
