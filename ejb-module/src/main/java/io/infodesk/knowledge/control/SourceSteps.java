package io.infodesk.knowledge.control;

import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceIngested;
import io.infodesk.knowledge.entity.SourceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of ingestion, each in its own transaction, so that people polling a source see it move
 * QUEUED → PARSING → EMBEDDING → INDEXED (or FAILED with its reason) as it happens.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SourceSteps {

  /** Text hashes asked for in one query: well inside every database's limit on parameters. */
  static final int KNOWN_PAGE = 500;

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
  public List<Chunk> store(
      long sourceId, List<Chunker.Chunk> drafts, float[][] vectors, String embeddingModel) {
    return replace(
        em.find(Source.class, sourceId), current(sourceId), drafts, vectors, embeddingModel);
  }

  private List<Chunk> replace(
      Source s,
      List<Chunk> previous,
      List<Chunker.Chunk> drafts,
      float[][] vectors,
      String embeddingModel) {
    Instant now = Instant.now();
    previous.forEach(old -> old.supersede(now));
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Chunk c =
          new Chunk(
              s, i, drafts.get(i).heading(), drafts.get(i).text(), vectors[i], embeddingModel);
      em.persist(c);
      chunks.add(c);
    }
    em.flush();
    return chunks;
  }

  private List<Chunk> current(long sourceId) {
    return em.createNamedQuery(Chunk.FIND_BY_SOURCE, Chunk.class)
        .setParameter("source", sourceId)
        .getResultList();
  }

  /** The chunks of an INDEXED source as they are now, to be embedded again by another model. */
  public record Embedded(List<Long> chunkIds, List<Chunker.Chunk> drafts) {}

  /**
   * Records {@code model} for the chunks embedded before models were recorded (migration V19), when
   * the full model was the only one: for a node that runs the full model. Returns how many.
   */
  public int recordUnrecordedModel(String model) {
    return em.createNamedQuery(Chunk.RECORD_UNRECORDED_MODEL)
        .setParameter("model", model)
        .executeUpdate();
  }

  /** The INDEXED sources with current chunks that another model (or an unrecorded one) embedded. */
  public List<Long> embeddedByOtherModel(String model) {
    return em.createNamedQuery(Chunk.SOURCES_EMBEDDED_BY_OTHER_MODEL, Long.class)
        .setParameter("model", model)
        .getResultList();
  }

  /** How many current chunks of INDEXED sources another model (or an unrecorded one) embedded. */
  public long countEmbeddedByOtherModel(String model) {
    return em.createNamedQuery(Chunk.COUNT_EMBEDDED_BY_OTHER_MODEL, Long.class)
        .setParameter("model", model)
        .getSingleResult();
  }

  /** A source's current chunks, when it is INDEXED; empty otherwise. */
  public Optional<Embedded> embedded(long sourceId) {
    Source s = em.find(Source.class, sourceId);
    if (s == null || s.getStatus() != SourceStatus.INDEXED) {
      return Optional.empty();
    }
    List<Chunk> chunks = current(sourceId);
    return Optional.of(
        new Embedded(
            chunks.stream().map(Chunk::getId).toList(),
            chunks.stream()
                .map(
                    c ->
                        new Chunker.Chunk(
                            c.getHeading() == null ? "" : c.getHeading(), c.getText()))
                .toList()));
  }

  /**
   * Replaces a source's chunks with the same texts embedded by {@code embeddingModel}, if the
   * source is still INDEXED with exactly the chunks {@code before} (an ingestion that started
   * meanwhile wins, and of two nodes re-embedding the same source the second finds the first's
   * chunks), and touches the source so that every node's index sync picks the new chunks up. The
   * source stays INDEXED throughout: its previous chunks answer until the new ones replace them.
   * Returns the new chunks, or empty when it changed nothing.
   */
  public Optional<List<Chunk>> reembedded(
      long sourceId, Embedded before, float[][] vectors, String embeddingModel) {
    Source s = em.find(Source.class, sourceId, LockModeType.PESSIMISTIC_WRITE);
    if (s == null || s.getStatus() != SourceStatus.INDEXED) {
      return Optional.empty();
    }
    List<Chunk> previous = current(sourceId);
    if (!previous.stream().map(Chunk::getId).toList().equals(before.chunkIds())) {
      return Optional.empty();
    }
    List<Chunk> chunks = replace(s, previous, before.drafts(), vectors, embeddingModel);
    s.indexed(chunks.size());
    return Optional.of(chunks);
  }

  /**
   * Marks the source INDEXED with its chunks, {@code reused} of them with a vector not embedded
   * again; {@code stageMicros} is the time its stages took, {@code warning} what the owner should
   * know about it (null: nothing).
   */
  public void indexed(
      long sourceId, int chunks, int reused, Map<String, Long> stageMicros, String warning) {
    Source s = em.find(Source.class, sourceId);
    s.indexed(chunks, warning);
    ingested.fire(
        new SourceIngested(
            sourceId,
            s.getDomain().getKey(),
            SourceStatus.INDEXED,
            chunks,
            reused,
            Map.copyOf(stageMicros)));
  }

  /**
   * The stored vectors that {@code model} made of these texts, by {@link Chunk#textHash}: of any
   * chunk, current or superseded, in any domain (a vector is the text's, whoever uploaded it); one
   * row per text however many chunks hold it.
   */
  public Map<String, float[]> knownVectors(Set<String> textHashes, String model) {
    Map<String, float[]> known = new HashMap<>();
    List<String> all = new ArrayList<>(textHashes);
    for (int from = 0; from < all.size(); from += KNOWN_PAGE) {
      for (Object[] row :
          em.createNamedQuery(Chunk.VECTORS_BY_TEXT, Object[].class)
              .setParameter("hashes", all.subList(from, Math.min(all.size(), from + KNOWN_PAGE)))
              .setParameter("model", model)
              .getResultList()) {
        known.put((String) row[0], Chunk.decode((byte[]) row[1]));
      }
    }
    return known;
  }

  public void fail(long sourceId, String reason) {
    Source s = em.find(Source.class, sourceId);
    if (s != null) {
      s.fail(reason);
      ingested.fire(
          new SourceIngested(
              sourceId, s.getDomain().getKey(), SourceStatus.FAILED, 0, 0, Map.of()));
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
