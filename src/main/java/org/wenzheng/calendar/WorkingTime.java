package org.wenzheng.calendar;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Working time for expressions in Tasklist filters, e.g. the filter 即将超期 shows tasks due before
 * {@code ${workingTime.fromNow('PT2H')}}: two working hours from now, so that on a Friday at 17:00 it also shows
 * what falls due on Monday morning.
 */
@Component("workingTime")
public class WorkingTime {

  private final Calendars calendars;

  WorkingTime(Calendars calendars) {
    this.calendars = calendars;
  }

  public Date fromNow(String isoDuration) {
    return Date.from(calendars.current().add(EngineClock.now(), DeadlineDuration.parse(isoDuration), Basis.WORKING));
  }
}
