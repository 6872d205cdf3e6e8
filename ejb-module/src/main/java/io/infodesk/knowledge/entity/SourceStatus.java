package io.infodesk.knowledge.entity;

/** Where a source is in ingestion; users poll it until INDEXED or FAILED. */
public enum SourceStatus {
  QUEUED,
  PARSING,
  EMBEDDING,
  INDEXED,
  FAILED,
  RETIRED
}
