package io.infodesk.answering.boundary;

import io.infodesk.answering.control.ExtractiveAnswerer;
import io.infodesk.answering.control.GroundedAnswerer;
import io.infodesk.answering.entity.Answer;
import io.infodesk.answering.entity.AskResult;
import io.infodesk.answering.entity.Interaction;
import io.infodesk.answering.entity.Outcome;
import io.infodesk.answering.entity.QuestionAnswered;
import io.infodesk.guardrails.boundary.GuardrailService;
import io.infodesk.guardrails.entity.GuardrailEvent;
import io.infodesk.guardrails.model.PiiRedactor;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.Jsons;
import io.infodesk.platform.control.LlmEndpoint;
import io.infodesk.platform.control.Text;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.retrieval.boundary.SearchService;
import io.infodesk.retrieval.entity.Passage;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * An employee's question, end to end: input guardrails (PII redaction, injection, blocked topics),
 * routing, hybrid retrieval in the routed domain, a grounded or extractive answer, output
 * guardrails, and the persisted {@link Interaction} with every stage's latency.
 */
@Stateless
public class AskService {

  public static final int MAX_QUESTION = 2000;
  static final int PASSAGES = 5;
  static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  static final Duration REPHRASE_WINDOW = Duration.ofMinutes(2);

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject io.infodesk.knowledge.boundary.DomainDirectory domains;
  @Resource SessionContext context;
  @EJB EmbeddingService embeddings;
  @EJB RoutingService routing;
  @EJB SearchService search;
  @Inject GuardrailService guardrails;
  @Inject LlmEndpoint llm;
  @Inject Config config;
  @Inject jakarta.enterprise.event.Event<QuestionAnswered> answered;

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public AskResult ask(String question, String sessionId) {
    long started = System.nanoTime();
    if (question == null || question.isBlank()) {
      throw new InvalidInputException("question must not be empty");
    }
    if (question.length() > MAX_QUESTION) {
      throw new InvalidInputException("question must have at most " + MAX_QUESTION + " characters");
    }
    boolean newSession = sessionId == null || sessionId.isBlank();
    String session = newSession ? UUID.randomUUID().toString() : sessionId.strip();
    if (!SESSION.matcher(session).matches()) {
      throw new InvalidInputException(
          "sessionId must be 1-100 characters of letters, digits, '-' and '_'");
    }
    String user = context.getCallerPrincipal().getName();
    Map<String, Long> latency = new LinkedHashMap<>();
    List<GuardrailEvent> events = new ArrayList<>();

    long t = System.nanoTime();
    PiiRedactor.Redaction redaction = guardrails.redact(question.strip());
    String q = redaction.text();
    if (redaction.found()) {
      events.add(
          new GuardrailEvent(
              "PII_REDACTED",
              "input",
              redaction.findings().stream()
                  .map(PiiRedactor.Finding::type)
                  .distinct()
                  .toList()
                  .toString()));
    }
    Interaction interaction = new Interaction(user, session, q);
    var injection = guardrails.injection(q);
    var blocked = guardrails.blockedTopic(q);
    latency.put("guard", micros(t));
    if (injection.isPresent() || blocked.isPresent()) {
      events.add(
          injection.isPresent()
              ? new GuardrailEvent("PROMPT_INJECTION", "input", injection.get())
              : new GuardrailEvent("BLOCKED_TOPIC", "input", blocked.get()));
      String html =
          "<p>I can't help with that request here. Please rephrase your question about HR, IT,"
              + " finance or our products, or ask to talk to a person.</p>";
      return finish(
          interaction,
          null,
          null,
          Outcome.BLOCKED,
          new Answer(Answer.Mode.NONE, html, List.of()),
          events,
          latency,
          started,
          List.of());
    }

    t = System.nanoTime();
    float[] vector = embeddings.embedQuestion(q);
    latency.put("embed", micros(t));

    t = System.nanoTime();
    RouteDecision route = routing.route(q, vector);
    latency.put("route", micros(t));
    if (route.fallbackReason() != null) {
      events.add(new GuardrailEvent("ROUTER_FALLBACK", "route", route.fallbackReason()));
    }
    interaction.routed(
        route.domain(),
        route.confidence(),
        route.routerVersion(),
        routing.shadowPredictions(q, vector));
    if (!newSession) {
      // a session that starts with this question has no question before it to rephrase
      linkRephrase(interaction, user, session, vector);
    }
    if (route.outOfScope()) {
      String html =
          "<p>I don't know: this question doesn't fit any of the areas I can answer (HR &amp;"
              + " benefits, IT support, finance &amp; payroll, product documentation). You can"
              + " ask a person instead.</p>";
      return finish(
          interaction,
          route,
          null,
          Outcome.OUT_OF_SCOPE,
          new Answer(Answer.Mode.NONE, html, List.of()),
          events,
          latency,
          started,
          List.of());
    }
    Domain domain = domains.forReading(route.domain()).orElseThrow();

    t = System.nanoTime();
    List<Passage> passages = search.search(domain, q, vector, PASSAGES);
    latency.put("retrieve", micros(t));
    double minSimilarity =
        config.getOptionalValue("infodesk.answering.min-similarity", Double.class).orElse(0.3);
    double best = passages.stream().mapToDouble(Passage::similarity).max().orElse(0);
    if (passages.isEmpty() || best < minSimilarity) {
      String html =
          "<p>I don't know: I found nothing in the "
              + Text.escape(domain.getName())
              + " knowledge base that answers this well enough. You can ask a person instead.</p>";
      return finish(
          interaction,
          route,
          domain,
          Outcome.LOW_CONFIDENCE,
          new Answer(Answer.Mode.NONE, html, List.of()),
          events,
          latency,
          started,
          passages);
    }
    List<Passage> relevant =
        passages.stream().filter(p -> p.similarity() >= minSimilarity * 0.8).toList();

    t = System.nanoTime();
    Answer answer = null;
    if (llm.isConfigured()) {
      answer =
          new GroundedAnswerer(
                  (system, prompt) -> llm.complete(system, prompt, false, 400),
                  guardrails::unsupported,
                  guardrails::redact)
              .answer(q, domain.getName(), relevant, events)
              .orElse(null);
    }
    if (answer == null) {
      answer = new ExtractiveAnswerer(3).answer(q, relevant);
    }
    latency.put("answer", micros(t));
    return finish(
        interaction, route, domain, Outcome.ANSWERED, answer, events, latency, started, passages);
  }

  /** A question close to one asked moments ago in the same session: an implicit negative. */
  private void linkRephrase(Interaction interaction, String user, String session, float[] vector) {
    List<Interaction> recent =
        em.createNamedQuery(Interaction.FIND_RECENT_IN_SESSION, Interaction.class)
            .setParameter("user", user)
            .setParameter("session", session)
            .setParameter("since", Instant.now().minus(REPHRASE_WINDOW))
            .setMaxResults(1)
            .getResultList();
    if (!recent.isEmpty()) {
      double similarity =
          EmbeddingService.similarity(
              vector, embeddings.embedQuestion(recent.get(0).getQuestion()));
      if (similarity
          >= config
              .getOptionalValue("infodesk.feedback.rephrase-similarity", Double.class)
              .orElse(0.7)) {
        interaction.rephraseOf(recent.get(0).getId());
      }
    }
  }

  private AskResult finish(
      Interaction interaction,
      RouteDecision route,
      Domain domain,
      Outcome outcome,
      Answer answer,
      List<GuardrailEvent> events,
      Map<String, Long> latency,
      long started,
      List<Passage> retrieved) {
    latency.put("total", micros(started));
    JsonArrayBuilder retrievedJson = Jsons.JSON.createArrayBuilder();
    for (Passage p : retrieved) {
      retrievedJson.add(
          Jsons.JSON
              .createObjectBuilder()
              .add("chunkId", p.chunkId())
              .add("score", p.score())
              .add("similarity", p.similarity()));
    }
    List<AskResult.Citation> citations = new ArrayList<>();
    JsonArrayBuilder citationsJson = Jsons.JSON.createArrayBuilder();
    for (int i = 0; i < answer.citations().size(); i++) {
      Passage p = answer.citations().get(i);
      citations.add(
          new AskResult.Citation(
              i + 1,
              p.sourceId(),
              p.sourceTitle(),
              section(p),
              io.infodesk.guardrails.model.SafeHtml.sanitize(p.snippet()),
              p.score()));
      citationsJson.add(
          Jsons.JSON
              .createObjectBuilder()
              .add("n", i + 1)
              .add("chunkId", p.chunkId())
              .add("sourceId", p.sourceId()));
    }
    JsonArrayBuilder eventsJson = Jsons.JSON.createArrayBuilder();
    for (GuardrailEvent e : events) {
      eventsJson.add(
          Jsons.JSON
              .createObjectBuilder()
              .add("kind", e.kind())
              .add("stage", e.stage())
              .add("detail", String.valueOf(e.detail())));
    }
    if (interaction.getRephraseOf() != null) {
      eventsJson.add(
          Jsons.JSON
              .createObjectBuilder()
              .add("kind", "REPHRASE")
              .add("stage", "feedback")
              .add("detail", "implicit negative for " + interaction.getRephraseOf()));
    }
    JsonObjectBuilder latencyJson = Jsons.JSON.createObjectBuilder();
    latency.forEach(latencyJson::add);
    // every HTML the chat and the review desk render unescaped goes through the allow-list
    String safeHtml = io.infodesk.guardrails.model.SafeHtml.sanitize(answer.html());
    interaction.finish(
        outcome,
        answer.mode(),
        safeHtml,
        citationsJson.build().toString(),
        retrievedJson.build().toString(),
        eventsJson.build().toString(),
        latencyJson.build().toString());
    em.persist(interaction);
    em.flush();
    answered.fire(
        new QuestionAnswered(
            outcome,
            route == null || route.outOfScope() ? null : route.domain(),
            interaction.getRouterVersion(),
            Map.copyOf(latency),
            events.stream().map(GuardrailEvent::kind).toList()));
    return new AskResult(
        interaction.getId(),
        interaction.getSessionId(),
        outcome,
        route == null ? null : route.domain(),
        domain == null ? null : domain.getName(),
        route == null ? 0 : route.confidence(),
        interaction.getRouterVersion(),
        answer.mode(),
        safeHtml,
        citations,
        outcome != Outcome.ANSWERED,
        latency);
  }

  /** The passage's heading path without the document title that starts it. */
  static String section(Passage p) {
    String heading = p.heading() == null ? "" : p.heading();
    String title = p.sourceTitle() == null ? "" : p.sourceTitle();
    if (heading.equals(title)) {
      return "";
    }
    return heading.startsWith(title + " › ") ? heading.substring(title.length() + 3) : heading;
  }

  private static long micros(long since) {
    return (System.nanoTime() - since) / 1000;
  }
}
