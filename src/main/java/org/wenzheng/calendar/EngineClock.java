package org.wenzheng.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for the whole application, read from the process engine's clock so that process tests can move time with
 * {@code ClockUtil} and every timestamp (engine and our tables) moves with it.
 */
public final class EngineClock {

  /** Chinese office time: every deadline, report period and date shown to people is in this zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
