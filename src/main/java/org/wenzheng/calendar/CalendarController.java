package org.wenzheng.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.InvalidFieldException;

/**
 * The working calendar over HTTP: a deadline preview for supervisors who are changing a policy, and the yearly
 * holiday schedule, which administrators load each autumn when the State Council publishes it.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final Calendars calendars;
  private final JdbcClient jdbc;

  CalendarController(Calendars calendars, JdbcClient jdbc) {
    this.calendars = calendars;
    this.jdbc = jdbc;
  }

  record Preview(OffsetDateTime from, boolean fromIsWorkingTime, String duration, Basis basis, OffsetDateTime due) {
  }

  /** {@code GET /api/calendar/deadline?from=2026-02-13T19:00:00+08:00&duration=P1D&basis=WORKING}. */
  /** The longest deadline a preview computes. */
  private static final int MAX_DAYS = 366;

  @GetMapping("/deadline")
  Preview deadline(@RequestParam(required = false) String from, @RequestParam(required = false) String duration,
      @RequestParam(required = false) String basis) {
    Instant start = parseInstant(from);
    DeadlineDuration d;
    try {
      d = DeadlineDuration.parse(required("duration", duration));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidFieldException("duration", e.getMessage());
    }
    // A deadline is days or weeks away; a preview of years would only walk the calendar for nothing.
    if (d.days() > MAX_DAYS || d.time().compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
      throw new InvalidFieldException("duration", "不能超过 " + MAX_DAYS + " 天");
    }
    Basis b;
    try {
      b = Basis.valueOf(required("basis", basis));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("basis", "应为 WORKING 或 NATURAL");
    }
    WorkingCalendar calendar = calendars.current();
    return new Preview(start.atZone(calendar.zone()).toOffsetDateTime(), calendar.isWorkingTime(start), d.toString(),
        b, calendar.add(start, d, b).atZone(calendar.zone()).toOffsetDateTime());
  }

  record YearView(int year, boolean loaded, List<Calendars.Day> days) {
  }

  @GetMapping("/years/{year}")
  YearView year(@PathVariable int year) {
    return new YearView(year, calendars.isLoaded(year), calendars.year(year));
  }

  record Range(LocalDate from, LocalDate to, String name) {
  }

  record Workday(LocalDate date, String name) {
  }

  record YearSchedule(String source, List<Range> holidays, List<Workday> workdays) {
  }

  record Loaded(int year, int holidays, int workdays, int changedDays, int recalculatedDeadlines) {
  }

  /** Replaces a year's holidays and make-up working days (camunda-admin only). */
  @PutMapping("/years/{year}")
  Loaded load(@PathVariable int year, @RequestBody YearSchedule schedule) {
    if (year < 2000 || year > 2100) {
      throw new InvalidFieldException("year", "年份应在 2000 至 2100 之间");
    }
    if (schedule.holidays() == null) {
      throw new InvalidFieldException("holidays", "必填：该年的法定节假日（可为空列表）");
    }
    List<Calendars.Day> days = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < schedule.holidays().size(); i++) {
      Range r = schedule.holidays().get(i);
      String field = "holidays[" + i + "]";
      if (r == null || r.from() == null || r.to() == null || r.to().isBefore(r.from())) {
        throw new InvalidFieldException(field, "需要 from 和 to，且 to 不早于 from");
      }
      String name = name(field, r.name());
      for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
        inYear(field, d, year);
        if (!seen.add(d)) {
          throw new InvalidFieldException(field, d + " 重复出现");
        }
        days.add(new Calendars.Day(d, DayKind.HOLIDAY, name));
      }
    }
    List<Workday> workdays = schedule.workdays() == null ? List.of() : schedule.workdays();
    for (int i = 0; i < workdays.size(); i++) {
      Workday w = workdays.get(i);
      String field = "workdays[" + i + "]";
      if (w == null || w.date() == null) {
        throw new InvalidFieldException(field, "需要 date");
      }
      inYear(field, w.date(), year);
      if (w.date().getDayOfWeek() != DayOfWeek.SATURDAY && w.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw new InvalidFieldException(field, w.date() + " 不是周末，无需列为调休上班日");
      }
      if (!seen.add(w.date())) {
        throw new InvalidFieldException(field, w.date() + " 已列为节假日，不能同时是上班日");
      }
      days.add(new Calendars.Day(w.date(), DayKind.WORKDAY, name(field, w.name())));
    }
    String source = schedule.source() == null || schedule.source().isBlank() ? "PUT /api/calendar/years/" + year
        : schedule.source().strip();
    String by = StaffUser.current().map(StaffUser::id).orElse("system");
    Set<LocalDate> changed = calendars.replaceYear(year, days, source, by);
    int recalculated = jdbc.sql("select recalculated_clocks from calendar_change where year = ? order by id desc "
        + "limit 1").param(year).query(Integer.class).single();
    return new Loaded(year, (int) days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count(), workdays.size(),
        changed.size(), recalculated);
  }

  private static String name(String field, String name) {
    if (name == null || name.isBlank() || name.length() > 50) {
      throw new InvalidFieldException(field + ".name", "必填，不超过 50 字");
    }
    return name.strip();
  }

  private static void inYear(String field, LocalDate d, int year) {
    if (d.getYear() != year) {
      throw new InvalidFieldException(field, d + " 不在 " + year + " 年");
    }
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "必填");
    }
    return value.strip();
  }

  private static Instant parseInstant(String from) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(required("from", from));
      if (t.getYear() < 2000 || t.getYear() > 2100) {
        throw new InvalidFieldException("from", "年份应在 2000 至 2100 之间");
      }
      return t.toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("from", "应为带时区的 ISO 时间，如 2026-02-13T19:00:00+08:00");
    }
  }
}
