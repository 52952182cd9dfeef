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
    return now().atOffset(ZoneOffset.UTC);
  }

  private EngineClock() {
  }
}
