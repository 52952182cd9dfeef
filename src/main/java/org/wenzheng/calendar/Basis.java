package org.wenzheng.calendar;

/** How a deadline's duration is counted. */
public enum Basis {
  /** Only office hours on working days count (lunch breaks, nights, weekends and holidays do not). */
  WORKING,
  /** Clock time: every hour counts. */
  NATURAL
}
