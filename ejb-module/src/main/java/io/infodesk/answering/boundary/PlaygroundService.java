package io.infodesk.answering.boundary;

import io.infodesk.answering.control.ExtractiveAnswerer;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.retrieval.boundary.SearchService;
import io.infodesk.retrieval.entity.Passage;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.security.boundary.DomainScope;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Map;

/**
 * Knowledge owners try a question against one of their domains: where the live router sends it
 * (with every domain's score), what that domain's search finds (with scores), and the extract an
 * employee would get from it. Nothing is logged as an interaction, so trials never become training
 * data.
 */
@Stateless
@RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
public class PlaygroundService {

  /** What a trial shows. */
  public record Trial(
      String routedDomain,
      double confidence,
      String routerVersion,
      Map<String, Double> scores,
      List<Passage> passages,
      String answerHtml) {
    public String getRoutedDomain() {
      return routedDomain;
    }

    public double getConfidence() {
      return confidence;
    }

    public String getRouterVersion() {
      return routerVersion;
    }

    public List<Map.Entry<String, Double>> getScoreList() {
      return List.copyOf(scores.entrySet());
    }

    public List<Passage> getPassages() {
      return passages;
    }

    public String getAnswerHtml() {
      return answerHtml;
    }
  }

  @jakarta.inject.Inject io.infodesk.knowledge.boundary.DomainDirectory domains;
  @EJB DomainScope scope;
  @EJB EmbeddingService embeddings;
  @EJB RoutingService routing;
  @EJB SearchService search;
  @jakarta.inject.Inject io.infodesk.guardrails.boundary.GuardrailService guardrails;

  public Trial trial(String domainKey, String question) {
    if (domainKey == null || domainKey.isBlank()) {
      throw new InvalidInputException("choose one of your domains");
    }
    scope.require(Role.KNOWLEDGE_OWNER_NAME, domainKey);
    String q = question == null ? "" : question.strip();
    if (q.isEmpty() || q.length() > AskService.MAX_QUESTION) {
      throw new InvalidInputException(
          "the question must have 1-" + AskService.MAX_QUESTION + " characters");
    }
    Domain domain =
        domains
            .byKey(domainKey)
            .orElseThrow(() -> new UnknownEntityException("no domain " + domainKey));
    // personal data never leaves the server for an LLM router, in trials as on the ask path
    q = guardrails.redact(q).text();
    float[] vector = embeddings.embed(q);
    RouteDecision route = routing.route(q, vector);
    List<Passage> passages = search.search(domain, q, vector, 5);
    return new Trial(
        route.domain(),
        route.confidence(),
        route.routerVersion(),
        route.scores(),
        passages.stream()
            .map(
                p ->
                    new Passage(
                        p.chunkId(),
                        p.sourceId(),
                        p.sourceTitle(),
                        p.heading(),
                        p.text(),
                        p.score(),
                        p.similarity(),
                        io.infodesk.guardrails.model.SafeHtml.sanitize(p.snippet())))
            .toList(),
        io.infodesk.guardrails.model.SafeHtml.sanitize(
            new ExtractiveAnswerer(3).answer(q, passages).html()));
  }
}
