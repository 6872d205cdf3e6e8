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

  /** What a question's answer cites of a chunk. */
  public record CitableChunk(
      long chunkId,
      long sourceId,
      String sourceTitle,
      String heading,
      String text,
      float[] vector) {}

  /**
   * These chunks, current or superseded, whose sources searches may still cite (not retired or
   * failed), in no order: the columns a citation needs and nothing more (not the source's parsed
   * text, which loading the entities read for every question).
   */
  public List<CitableChunk> citable(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Chunk.CITABLE, Object[].class)
        .setParameter("ids", ids)
        .getResultStream()
        .map(r -> row(r, CitableChunk::new))
        .toList();
  }

  /** How many current chunks the INDEXED sources have. */
  public long countIndexable() {
    return em.createNamedQuery(Chunk.COUNT_INDEXABLE, Long.class).getSingleResult();
  }

  /** What the search index holds of a chunk. */
  public record IndexRow(
      long chunkId, long sourceId, String domain, String heading, String text, float[] vector) {}

  /** A page of the rebuild: the chunks it holds, and the last chunk id it looked at. */
  public record IndexPage(List<IndexRow> rows, long last) {}

  /**
   * The current chunks of INDEXED sources among the next {@code max} current chunk ids after {@code
   * after}, by id; an empty page with {@code last} = {@code after} at the end. Two narrow queries
   * and no entities: the ids come from the primary key in order, and only the columns the index
   * needs are read. The single query it replaces (chunks joined with their sources, sorted, then
   * limited) made H2 write the whole join, each source's parsed text included, to a temporary
   * result for every page: at 111k chunks it filled the disk (29 GB) before the first page.
   */
  public IndexPage indexablePage(long after, int max) {
    List<Long> ids =
        em.createNamedQuery(Chunk.NEXT_CURRENT_IDS, Long.class)
            .setParameter("after", after)
            .setMaxResults(max)
            .getResultList();
    if (ids.isEmpty()) {
      return new IndexPage(List.of(), after);
    }
    List<IndexRow> rows =
        em.createNamedQuery(Chunk.INDEX_ROWS, Object[].class)
            .setParameter("ids", ids)
            .getResultStream()
            .map(r -> row(r, IndexRow::new))
            .toList();
    return new IndexPage(rows, ids.get(ids.size() - 1));
  }

  /** What {@link #citable} and {@link #indexablePage} make of their six columns. */
  private interface Columns<R> {
    R of(long chunkId, long sourceId, String label, String heading, String text, float[] vector);
  }

  /** A projected row: chunk id, source id, a label (title or domain), heading, text, vector. */
  private static <R> R row(Object[] r, Columns<R> make) {
    return make.of(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        Chunk.decode((byte[]) r[5]));
  }

  /** Deletes the chunks superseded before {@code before}; returns how many. */
  public int deleteSuperseded(Instant before) {
    return em.createNamedQuery(Chunk.DELETE_SUPERSEDED)
        .setParameter("before", before.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
