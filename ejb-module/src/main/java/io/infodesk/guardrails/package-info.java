/**
 * Input and output guardrails: PII detection and redaction before anything is stored or sent,
 * prompt-injection heuristics, blocked topics, and for generated answers a PII-leak and a grounding
 * check. Every event is logged with the interaction.
 */
package io.infodesk.guardrails;
