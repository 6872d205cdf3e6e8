package io.infodesk.routing.entity;

/**
 * Fired when the registry's live or shadow models change (promotion, shadow, rollback), so that
 * serving re-reads the registry at once. Other nodes re-read it within seconds.
 *
 * @param version the model version that changed
 * @param status its status now
 */
public record RegistryChanged(String version, ModelStatus status) {}
