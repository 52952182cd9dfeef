package org.wenzheng.deadline;

import java.time.OffsetDateTime;
import org.wenzheng.calendar.Basis;

/** One clock of one appeal: from its start to its due instant, stopped (and frozen) when its step completes. */
public record Clock(long id, long appealId, ClockKind kind, String departmentCode, String allowed, Basis basis,
    OffsetDateTime startedAt, OffsetDateTime reminderAt, OffsetDateTime dueAt, OffsetDateTime remindedAt,
    OffsetDateTime overdueAt, OffsetDateTime stoppedAt, String stopReason, boolean overdue, boolean frozen) {
}
