package org.wenzheng.calendar;

import java.time.LocalDate;
import java.util.Set;

/** Published after an administrator changed a year's calendar: these days changed kind. */
public record CalendarChanged(int year, Set<LocalDate> changedDays, String changedBy) {
}
