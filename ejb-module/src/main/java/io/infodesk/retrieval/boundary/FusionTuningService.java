package io.infodesk.retrieval.boundary;

import io.infodesk.knowledge.boundary.ChunkStore;
import io.infodesk.knowledge.boundary.DomainService;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.retrieval.control.FusionTuner;
import io.infodesk.retrieval.control.LuceneIndex;
import io.infodesk.security.boundary.DomainScope;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-tunes a domain's fusion weights from labelled questions (a question and the source that
 * answers it), as its knowledge owners supply them, and stores the best pair.
 */
@Stateless
public class FusionTuningService {

  /** A question and the id of the source that answers it. */
  public record LabelledQuestion(String question, Long sourceId) {}

  @jakarta.inject.Inject ChunkStore store;
  @EJB DomainScope scope;
  @EJB SearchService search;
  @EJB EmbeddingService embeddings;
  @EJB DomainService domains;

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public FusionTuner.Weights tune(String domainKey, List<LabelledQuestion> questions) {
    domains.get(domainKey);
    scope.require(Role.KNOWLEDGE_OWNER_NAME, domainKey);
    if (questions == null || questions.size() < 3 || questions.size() > 1000) {
      throw new InvalidInputException("send 3 to 1000 labelled questions");
    }
    for (LabelledQuestion q : questions) {
      if (q == null || q.question() == null || q.question().isBlank() || q.sourceId() == null) {
        throw new InvalidInputException("each labelled question needs question and sourceId");
      }
      Source s = store.source(q.sourceId()).orElse(null);
      if (s == null || !s.getDomain().getKey().equals(domainKey)) {
        throw new InvalidInputException(
            "source " + q.sourceId() + " is not in domain " + domainKey);
      }
    }
    float[][] vectors =
        embeddings.embedAll(questions.stream().map(LabelledQuestion::question).toList());
    List<FusionTuner.Labelled> labelled = new ArrayList<>();
    Set<Long> chunkIds = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      LuceneIndex.Rankings r =
          search.rankings(
              domainKey, questions.get(i).question(), vectors[i], SearchService.CANDIDATES);
      r.keyword().forEach(h -> chunkIds.add(h.chunkId()));
      r.vector().forEach(h -> chunkIds.add(h.chunkId()));
      labelled.add(new FusionTuner.Labelled(r.keyword(), r.vector(), questions.get(i).sourceId()));
    }
    Map<Long, Long> sourceOf = new HashMap<>();
    if (!chunkIds.isEmpty()) {
      // the citable columns only: a retired source's chunks, which no answer cites, match nothing
      store.citable(chunkIds).forEach(c -> sourceOf.put(c.chunkId(), c.sourceId()));
    }
    FusionTuner.Weights w = FusionTuner.tune(labelled, sourceOf::get);
    domains.setFusionWeights(
        domainKey,
        w.keyword(),
        w.vector(),
        String.format(
            "keyword %.2f, vector %.2f: MRR %.3f (keyword only %.3f, vector only %.3f) on %d questions",
            w.keyword(),
            w.vector(),
            w.mrr(),
            w.keywordOnlyMrr(),
            w.vectorOnlyMrr(),
            questions.size()));
    return w;
  }
}
