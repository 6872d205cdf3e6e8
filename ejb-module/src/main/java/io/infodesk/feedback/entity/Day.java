package io.infodesk.feedback.entity;

import java.time.LocalDate;

/** One day of monitoring. {@code satisfaction} and {@code routeP50Millis} are null without data. */
public record Day(
    LocalDate day,
    long questions,
    long ratings,
    Double satisfaction,
    Double routeP50Millis,
    long guardrailEvents) {}
