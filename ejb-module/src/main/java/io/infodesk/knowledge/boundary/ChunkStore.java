package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Knowledge's sources and chunks as other features read them (retrieval indexes them, review shows
 * them), in the caller's transaction: knowledge owns kb_source and kb_chunk, and no other feature
 * queries them.
 */
@ApplicationScoped
public class ChunkStore {

  /** A source whose status changed, and what it is now. */
  public record SourceChange(long sourceId, SourceStatus status) {}

  /** Which chunks a source has now: the highest id and how many (new ids at each ingestion). */
  public record ChunkVersion(long sourceId, long maxChunkId, long chunks) {}

  @PersistenceContext EntityManager em;

  public Optional<Source> source(long id) {
    return Optional.ofNullable(em.find(Source.class, id));
  }

  /** The sources whose status changed at or after {@code since}, oldest change first. */
  public List<SourceChange> changedSince(Instant since) {
    return em.createNamedQuery(Source.FIND_STATUS_CHANGED_SINCE, Object[].class)
        .setParameter("since", since)
        .getResultStream()
        .map(r -> new SourceChange(((Number) r[0]).longValue(), (SourceStatus) r[1]))
        .toList();
  }

  /** The current chunks' version of each of these sources that has any. */
  public List<ChunkVersion> versions(Collection<Long> sourceIds) {
    return em.createNamedQuery(Chunk.VERSIONS, Object[].class)
        .setParameter("sources", sourceIds)
        .getResultStream()
        .map(
            r ->
                new ChunkVersion(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue()))
        .toList();
  }

  /** A source's current chunks, in order. */
  public List<Chunk> current(long sourceId) {
    return em.createNamedQuery(Chunk.FIND_BY_SOURCE, Chunk.class)
        .setParameter("source", sourceId)
        .getResultList();
  }

  /** These chunks with their sources, current or superseded, in no order. */
  public List<Chunk> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Chunk.FIND_BY_IDS, Chunk.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** How many current chunks the INDEXED sources have. */
  public long countIndexable() {
    return em.createNamedQuery(Chunk.COUNT_INDEXABLE, Long.class).getSingleResult();
  }

  /** The next {@code max} current chunks of INDEXED sources after the id {@code after}, by id. */
  public List<Chunk> indexablePage(long after, int max) {
    return em.createNamedQuery(Chunk.FIND_INDEXABLE, Chunk.class)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  /** Deletes the chunks superseded before {@code before}; returns how many. */
  public int deleteSuperseded(Instant before) {
    return em.createNamedQuery(Chunk.DELETE_SUPERSEDED)
        .setParameter("before", before.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
