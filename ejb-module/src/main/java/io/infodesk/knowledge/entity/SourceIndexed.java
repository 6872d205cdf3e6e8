package io.infodesk.knowledge.entity;

import java.util.List;

/**
 * Fired by ingestion, synchronously, once a source's chunks are stored and before the source is
 * marked INDEXED: retrieval indexes them in its observer, so an INDEXED source is always searchable
 * on the node that ingested it (other nodes rebuild from the database).
 *
 * @param chunks the source's stored chunks, with their vectors
 */
public record SourceIndexed(long sourceId, List<Chunk> chunks) {
  public SourceIndexed {
    chunks = List.copyOf(chunks);
  }
}
