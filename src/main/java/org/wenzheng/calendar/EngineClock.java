package org.wenzheng.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.modulith.NamedInterface;

/**
 * "Now" for the whole application, read from the process engine's clock so that process tests can move time with
 * {@code ClockUtil} and every timestamp (engine and our tables) moves with it.
 */
@NamedInterface("calendar")
public final class EngineClock {

  /** Chinese office time: every deadline, report period and date shown to people is in this zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** How a moment is shown to people on forms and in messages: "2026-02-24 17:30", Chinese office time. */
  public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

  /** A moment as a message or a citizen's page says it: "2026年3月4日 10:00", Chinese office time. */
  public static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZONE);

  /** A moment in a list within the year: "3月4日 10:00", Chinese office time. */
  public static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZONE);

  /** A moment as people read it ({@link #SHOWN}); null stays null. */
  public static String shown(OffsetDateTime t) {
    return t == null ? null : SHOWN.format(t);
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static OffsetDateTime nowUtc() {
    return utc(now());
  }

  /** An instant as the database columns take it ({@code timestamptz}, written in UTC). */
  public static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  /** A stored time as people read it: in Chinese office time, with its offset (null stays null). */
  public static OffsetDateTime local(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(ZONE).toOffsetDateTime();
  }

  private EngineClock() {
  }
}
