package org.wenzheng.deadline;

import org.springframework.modulith.NamedInterface;

/**
 * Published in the step's transaction when a clock stops: the unit acknowledged (RESPONSE, DONE), answered
 * (RESOLUTION, DONE) or returned the appeal (RESOLUTION, RETURNED). Supervision and extension requests that wait on
 * that step end with it.
 */
@NamedInterface("clocks")
public record ClockStopped(long appealId, String trackingNumber, ClockKind kind, String reason, boolean overdue) {
}
