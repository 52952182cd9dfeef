package org.wenzheng.accountability;

import java.time.OffsetDateTime;
import org.springframework.modulith.NamedInterface;

/** One accountability case (效能问责) against one unit about one appeal. */
@NamedInterface("cases")
public record AccountabilityCase(long id, long appealId, String trackingNumber, String departmentCode,
    String trigger, String triggerReason, OffsetDateTime openedAt, OffsetDateTime explanationDueAt,
    String explanation, String explainedBy, OffsetDateTime explainedAt, boolean explanationMissing, Ruling ruling,
    int points, String rulingNote,
    String ruledBy, OffsetDateTime ruledAt) {
}
