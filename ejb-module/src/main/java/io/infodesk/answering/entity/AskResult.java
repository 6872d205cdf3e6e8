package io.infodesk.answering.entity;

import java.util.List;
import java.util.Map;

/** What the employee gets back for a question. {@code answerHtml} is safe HTML. */
public record AskResult(
    long interactionId,
    String sessionId,
    Outcome outcome,
    String domain,
    String domainName,
    double confidence,
    String routerVersion,
    Answer.Mode answerMode,
    String answerHtml,
    List<Citation> citations,
    boolean escalationOffered,
    Map<String, Long> latencyMicros) {

  /** A numbered citation: which source and passage, and the highlighted snippet. */
  public record Citation(
      int number, long sourceId, String title, String heading, String snippet, double score) {}
}
