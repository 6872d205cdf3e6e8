package io.infodesk.knowledge.control;

import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceIngested;
import io.infodesk.knowledge.entity.SourceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of ingestion, each in its own transaction, so that people polling a source see it move
 * QUEUED → PARSING → EMBEDDING → INDEXED (or FAILED with its reason) as it happens.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SourceSteps {

  /** What parsing needs. */
  public record Work(byte[] bytes, String filename) {}

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<SourceIngested> ingested;

  public Work startParsing(long sourceId) {
    Source s = em.find(Source.class, sourceId);
    s.moveTo(SourceStatus.PARSING);
    return new Work(s.getOriginal(), s.getFilename());
  }

  public void parsed(long sourceId, String title, String mediaType, String text) {
    Source s = em.find(Source.class, sourceId);
    s.parsed(title, mediaType, text);
    s.moveTo(SourceStatus.EMBEDDING);
  }

  /**
   * Stores the source's new chunks and marks its previous ones superseded; returns the new ones.
   * The previous chunks stay in the database for a grace period, so that search indexes which still
   * hold them (this node's until it replaces them, other nodes' until their next sync) can still
   * cite them. The source stays EMBEDDING until {@link #indexed} runs after the search index has
   * the new chunks, so INDEXED always means searchable.
   */
  public List<Chunk> store(long sourceId, List<Chunker.Chunk> drafts, float[][] vectors) {
    Source s = em.find(Source.class, sourceId);
    Instant now = Instant.now();
    em.createNamedQuery(Chunk.FIND_BY_SOURCE, Chunk.class)
        .setParameter("source", sourceId)
        .getResultList()
        .forEach(old -> old.supersede(now));
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Chunk c = new Chunk(s, i, drafts.get(i).heading(), drafts.get(i).text(), vectors[i]);
      em.persist(c);
      chunks.add(c);
    }
    em.flush();
    return chunks;
  }

  public void indexed(long sourceId, int chunks) {
    Source s = em.find(Source.class, sourceId);
    s.indexed(chunks);
    ingested.fire(
        new SourceIngested(sourceId, s.getDomain().getKey(), SourceStatus.INDEXED, chunks));
  }

  public void fail(long sourceId, String reason) {
    Source s = em.find(Source.class, sourceId);
    if (s != null) {
      s.fail(reason);
      ingested.fire(new SourceIngested(sourceId, s.getDomain().getKey(), SourceStatus.FAILED, 0));
    }
  }

  public List<Long> unfinished() {
    return em
        .createNamedQuery(Source.FIND_UNFINISHED, Source.class)
        .setParameter(
            "statuses", List.of(SourceStatus.QUEUED, SourceStatus.PARSING, SourceStatus.EMBEDDING))
        .getResultList()
        .stream()
        .map(Source::getId)
        .toList();
  }
}
