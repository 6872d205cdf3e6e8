package io.infodesk.review.entity;

/**
 * Fired when an SME votes on a review item, or an admin settles a dispute.
 *
 * @param decision the vote (CONFIRM_ROUTE, CORRECT_DOMAIN, SKIP, …)
 * @param domain the domain the item was routed to, or null
 */
public record ReviewDecided(String decision, String domain) {}
