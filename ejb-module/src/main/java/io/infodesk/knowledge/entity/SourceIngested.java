package io.infodesk.knowledge.entity;

/**
 * Fired when ingestion of a source ends: indexed with its chunks, or failed.
 *
 * @param domain the source's domain key
 * @param status INDEXED or FAILED
 * @param chunks the chunks indexed (0 when it failed)
 * @param reused of those, the chunks whose vector was not embedded again: an identical text's
 *     stored vector of the same model, or a text repeated within the source
 * @param stageMicros the wall time of each stage of the ingestion, in microseconds, by stage name
 *     (parse, embed, store, index); empty when it failed
 */
public record SourceIngested(
    long sourceId,
    String domain,
    SourceStatus status,
    int chunks,
    int reused,
    java.util.Map<String, Long> stageMicros) {}
