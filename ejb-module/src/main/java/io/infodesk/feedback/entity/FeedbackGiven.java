package io.infodesk.feedback.entity;

/**
 * Fired when an employee rates an answer or asks for a person.
 *
 * @param kind {@code up}, {@code down} or {@code escalation}
 * @param domain the domain the question was routed to, or null
 */
public record FeedbackGiven(String kind, String domain) {}
