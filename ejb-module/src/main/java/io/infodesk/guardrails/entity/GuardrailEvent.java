package io.infodesk.guardrails.entity;

/** Something a guardrail noticed or did: its kind, the stage, and a detail without PII. */
public record GuardrailEvent(String kind, String stage, String detail) {}
