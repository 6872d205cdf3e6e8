package io.infodesk.platform.entity;

/**
 * A privileged action, fired by the feature that performed it and recorded in the audit log in the
 * same transaction (security's {@code AuditService} observes it), so the action and its entry
 * commit or roll back together. Any feature may fire it without depending on security.
 *
 * @param action what happened, e.g. {@code MODEL_PROMOTED}
 * @param targetType the kind of thing it happened to
 * @param targetId which one
 * @param detail free text, or null
 */
public record Audited(String action, String targetType, String targetId, String detail) {}
