package io.infodesk.retrieval.entity;

/**
 * A retrieved chunk as the answer uses it: ids, its source's title, the passage text, its fused
 * score, its vector similarity to the question, and a highlighted snippet (safe HTML).
 */
public record Passage(
    long chunkId,
    long sourceId,
    String sourceTitle,
    String heading,
    String text,
    double score,
    double similarity,
    String snippet) {}
