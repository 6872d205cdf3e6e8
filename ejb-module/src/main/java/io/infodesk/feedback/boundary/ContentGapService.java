package io.infodesk.feedback.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.answering.entity.Outcome;
import io.infodesk.feedback.model.GapClusters;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.security.boundary.DomainScope;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content gaps for knowledge owners: the questions of the last 30 days routed to their domains that
 * found nothing good enough (LOW_CONFIDENCE) or were rated down, grouped by meaning.
 */
@Stateless
@RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
public class ContentGapService {

  static final int MAX_QUESTIONS = 300;
  static final double SIMILAR = 0.75;

  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @jakarta.inject.Inject Ratings ratings;
  @EJB DomainScope scope;
  @EJB EmbeddingService embeddings;

  public List<GapClusters.Gap> gaps() {
    Set<String> mine = scope.isAdmin() ? null : scope.domains(Role.KNOWLEDGE_OWNER_NAME);
    if (mine != null && mine.isEmpty()) {
      return List.of();
    }
    Instant since = Instant.now().minus(Duration.ofDays(30));
    Map<Long, String> down = new HashMap<>();
    ratings.givenSince(since).stream()
        .filter(f -> "down".equals(f.getRating()))
        .forEach(f -> down.put(f.getInteractionId(), f.getComment()));
    List<Interaction> candidates = log.routedSince(since, 5_000);
    List<Interaction> chosen = new ArrayList<>();
    for (Interaction i : candidates) {
      boolean gap = i.getOutcome() == Outcome.LOW_CONFIDENCE || down.containsKey(i.getId());
      if (gap && (mine == null || mine.contains(i.getDomainKey()))) {
        chosen.add(i);
        if (chosen.size() == MAX_QUESTIONS) {
          break;
        }
      }
    }
    if (chosen.isEmpty()) {
      return List.of();
    }
    float[][] vectors = embeddings.embedAll(chosen.stream().map(Interaction::getQuestion).toList());
    List<GapClusters.Question> questions = new ArrayList<>();
    for (int k = 0; k < chosen.size(); k++) {
      Interaction i = chosen.get(k);
      questions.add(
          new GapClusters.Question(
              i.getQuestion(),
              i.getDomainKey(),
              i.getOutcome() == Outcome.LOW_CONFIDENCE ? "nothing found" : "rated down",
              i.getCreatedAt(),
              vectors[k]));
    }
    return GapClusters.group(questions, SIMILAR);
  }
}
