package org.wenzheng.calendar;

/** A day that differs from the weekday rule. */
public enum DayKind {
  /** A day off (a public holiday, or a weekend day inside a holiday period). */
  HOLIDAY,
  /** A weekend day that is worked (调休). */
  WORKDAY
}
