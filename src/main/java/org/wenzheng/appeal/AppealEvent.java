package org.wenzheng.appeal;

import java.time.OffsetDateTime;

/** One step in an appeal's trace; {@code detail} is a JSON object. */
public record AppealEvent(long id, long appealId, OffsetDateTime occurredAt, String type, String actor,
    String actorUnit, String detail) {
}
