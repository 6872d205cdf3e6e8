package io.infodesk.knowledge.entity;

/**
 * Fired synchronously when a source's chunks must leave search: the source was retired, or its
 * ingestion failed part way. Retrieval removes them in its observer; no search started after the
 * event cites the source.
 */
public record SourceRetired(long sourceId) {}
