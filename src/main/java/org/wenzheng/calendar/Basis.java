package org.wenzheng.calendar;

import org.springframework.modulith.NamedInterface;

/** How a deadline's duration is counted. */
@NamedInterface("calendar")
public enum Basis {
  /** Only office hours on working days count (lunch breaks, nights, weekends and holidays do not). */
  WORKING,
  /** Clock time: every hour counts. */
  NATURAL
}
