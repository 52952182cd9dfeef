package org.wenzheng.calendar;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** Published after an administrator changed a year's calendar: these days changed kind. */
@NamedInterface("calendar")
public record CalendarChanged(int year, Set<LocalDate> changedDays, String changedBy) {
}
