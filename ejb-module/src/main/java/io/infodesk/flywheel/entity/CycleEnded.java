package io.infodesk.flywheel.entity;

import java.util.Map;

/**
 * Fired when a flywheel cycle has ended, well or not.
 *
 * @param trigger what started it (manual, schedule, drift, …)
 * @param status COMPLETED or FAILED
 * @param stepMillis how long each step that finished took
 */
public record CycleEnded(String trigger, String status, Map<String, Long> stepMillis) {}
