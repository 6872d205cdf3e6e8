package io.infodesk.answering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One question and everything InfoDesk did with it: the redacted question (clear-text PII never
 * reaches the database), the route and router version, shadow predictions, the retrieved chunks,
 * the answer and its citations, guardrail events and per-stage latencies (JSON text).
 */
@Entity
@Table(name = "interaction")
@NamedQuery(
    name = Interaction.FIND_BY_ASKER,
    query =
        "SELECT i FROM Interaction i WHERE i.askedBy = :user ORDER BY i.createdAt DESC, i.id DESC")
@NamedQuery(
    name = Interaction.FIND_RECENT_IN_SESSION,
    query =
        "SELECT i FROM Interaction i WHERE i.askedBy = :user AND i.sessionId = :session AND i.createdAt >= :since"
            + " ORDER BY i.createdAt DESC, i.id DESC")
public class Interaction {
  public static final String FIND_BY_ASKER = "Interaction.findByAsker";
  public static final String FIND_RECENT_IN_SESSION = "Interaction.findRecentInSession";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "asked_by")
  private String askedBy;

  @Column(name = "session_id")
  private String sessionId;

  private String question;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(name = "domain_key")
  private String domainKey;

  @Column(name = "route_confidence")
  private double routeConfidence;

  @Column(name = "router_version")
  private String routerVersion;

  @Column(name = "shadow_predictions")
  private String shadowPredictions;

  private String retrieved;

  @Enumerated(EnumType.STRING)
  @Column(name = "answer_mode")
  private Answer.Mode answerMode;

  private String answer;
  private String citations;

  @Column(name = "guardrail_events")
  private String guardrailEvents;

  private String latencies;

  @Column(name = "rephrase_of")
  private Long rephraseOf;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Interaction() {}

  public Interaction(String askedBy, String sessionId, String redactedQuestion) {
    this.askedBy = askedBy;
    this.sessionId = sessionId;
    this.question = redactedQuestion;
    this.createdAt = Instant.now();
    this.answerMode = Answer.Mode.NONE;
    this.routerVersion = "none";
  }

  public void routed(
      String domainKey, double confidence, String routerVersion, String shadowPredictions) {
    this.domainKey = domainKey;
    this.routeConfidence = Double.isFinite(confidence) ? confidence : 0;
    this.routerVersion = routerVersion;
    this.shadowPredictions = shadowPredictions;
  }

  public void finish(
      Outcome outcome,
      Answer.Mode mode,
      String answer,
      String citations,
      String retrieved,
      String guardrailEvents,
      String latencies) {
    this.outcome = outcome;
    this.answerMode = mode;
    this.answer = answer;
    this.citations = citations;
    this.retrieved = retrieved;
    this.guardrailEvents = guardrailEvents;
    this.latencies = latencies;
  }

  public void rephraseOf(Long previous) {
    this.rephraseOf = previous;
  }

  public Long getId() {
    return id;
  }

  public String getAskedBy() {
    return askedBy;
  }

  public String getSessionId() {
    return sessionId;
  }

  public String getQuestion() {
    return question;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getDomainKey() {
    return domainKey;
  }

  public double getRouteConfidence() {
    return routeConfidence;
  }

  public String getRouterVersion() {
    return routerVersion;
  }

  public String getShadowPredictions() {
    return shadowPredictions;
  }

  public String getRetrieved() {
    return retrieved;
  }

  public Answer.Mode getAnswerMode() {
    return answerMode;
  }

  public String getAnswer() {
    return answer;
  }

  public String getCitations() {
    return citations;
  }

  public String getGuardrailEvents() {
    return guardrailEvents;
  }

  public String getLatencies() {
    return latencies;
  }

  public Long getRephraseOf() {
    return rephraseOf;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
