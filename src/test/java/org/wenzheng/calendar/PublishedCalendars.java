package org.wenzheng.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2025 and 2026 schedules exactly as the State Council published them (../shared/DOMAIN.md), written out by hand
 * and independently of the migration that ships them, so that tests can check both the arithmetic and the data.
 */
final class PublishedCalendars {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static Map<LocalDate, DayKind> days() {
    Map<LocalDate, DayKind> days = new HashMap<>();
    holiday(days, "2025-01-01", "2025-01-01");
    holiday(days, "2025-01-28", "2025-02-04");
    holiday(days, "2025-04-04", "2025-04-06");
    holiday(days, "2025-05-01", "2025-05-05");
    holiday(days, "2025-05-31", "2025-06-02");
    holiday(days, "2025-10-01", "2025-10-08");
    workday(days, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
    holiday(days, "2026-01-01", "2026-01-03");
    holiday(days, "2026-02-15", "2026-02-23");
    holiday(days, "2026-04-04", "2026-04-06");
    holiday(days, "2026-05-01", "2026-05-05");
    holiday(days, "2026-06-19", "2026-06-21");
    holiday(days, "2026-09-25", "2026-09-27");
    holiday(days, "2026-10-01", "2026-10-07");
    workday(days, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    return days;
  }

  static WorkingCalendar calendar() {
    return new WorkingCalendar(OfficeHours.chineseOfficeDefault(), days(), List.of(2025, 2026), SHANGHAI);
  }

  private static void holiday(Map<LocalDate, DayKind> days, String from, String to) {
    for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
      days.put(d, DayKind.HOLIDAY);
    }
  }

  private static void workday(Map<LocalDate, DayKind> days, String... dates) {
    for (String d : dates) {
      days.put(LocalDate.parse(d), DayKind.WORKDAY);
    }
  }

  private PublishedCalendars() {
  }
}
