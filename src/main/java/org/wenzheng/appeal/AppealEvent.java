package org.wenzheng.appeal;

import java.time.OffsetDateTime;
import org.springframework.modulith.NamedInterface;

/** One step in an appeal's trace; {@code detail} is a JSON object. */
@NamedInterface("records")
public record AppealEvent(long id, long appealId, OffsetDateTime occurredAt, String type, String actor,
    String actorUnit, String detail) {

  /** The step this event records; null for a type this version does not know. */
  public JournalEvent event() {
    return JournalEvent.of(type);
  }
}
