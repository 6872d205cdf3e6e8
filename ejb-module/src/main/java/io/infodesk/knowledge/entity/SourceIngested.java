package io.infodesk.knowledge.entity;

/**
 * Fired when ingestion of a source ends: indexed with its chunks, or failed.
 *
 * @param domain the source's domain key
 * @param status INDEXED or FAILED
 * @param chunks the chunks indexed (0 when it failed)
 */
public record SourceIngested(long sourceId, String domain, SourceStatus status, int chunks) {}
