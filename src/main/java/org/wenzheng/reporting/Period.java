package org.wenzheng.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.springframework.modulith.NamedInterface;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.web.InvalidFieldException;

/**
 * A reporting period: whole days in Chinese time, {@code from} included, {@code until} excluded. Weeks run Monday to
 * Sunday, months from the 1st.
 */
@NamedInterface("periods")
public record Period(String kind, LocalDate from, LocalDate until) {

  static final int MAX_DAYS = 366;

  public static Period week(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Period("week", monday, monday.plusWeeks(1));
  }

  public static Period month(LocalDate day) {
    LocalDate first = day.withDayOfMonth(1);
    return new Period("month", first, first.plusMonths(1));
  }

  /** From and to as people say them: both days included. */
  public static Period custom(LocalDate from, LocalDate toInclusive) {
    if (toInclusive.isBefore(from)) {
      throw new InvalidFieldException("to", "结束日期不能早于开始日期");
    }
    if (ChronoUnit.DAYS.between(from, toInclusive) >= MAX_DAYS) {
      throw new InvalidFieldException("to", "自定义期间最长 " + MAX_DAYS + " 天");
    }
    return new Period("custom", from, toInclusive.plusDays(1));
  }

  /**
   * The period a request asks for: {@code period=week|month} with a {@code date} inside it (default today), or
   * {@code period=custom} with {@code from} and {@code to}.
   */
  public static Period parse(String kind, String date, String from, String to) {
    String k = kind == null || kind.isBlank() ? "month" : kind;
    return switch (k) {
      case "week" -> week(day("date", date, today()));
      case "month" -> month(day("date", date, today()));
      case "custom" -> custom(day("from", from, null), day("to", to, null));
      default -> throw new InvalidFieldException("period", "可选值 week | month | custom");
    };
  }

  /** A day as a request gives it ({@code 2026-11-01}), or {@code fallback} when none is given (null: required). */
  public static LocalDate day(String field, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw new InvalidFieldException(field, "必填，格式 2026-11-01");
      }
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidFieldException(field, "日期格式应为 2026-11-01");
    }
  }

  /** Today in Chinese office time, by the engine's clock. */
  public static LocalDate today() {
    return LocalDate.ofInstant(EngineClock.now(), EngineClock.ZONE);
  }

  public Instant start() {
    return from.atStartOfDay(EngineClock.ZONE).toInstant();
  }

  public Instant end() {
    return until.atStartOfDay(EngineClock.ZONE).toInstant();
  }

  public LocalDate to() {
    return until.minusDays(1);
  }

  /** The {@code weeks} whole weeks (Monday to Sunday) up to the week of this period's last day: a trend's span. */
  public Period weeksUpTo(int weeks) {
    Period last = week(to());
    return new Period("weeks", last.from().minusWeeks(weeks - 1L), last.until());
  }

  /** The period of the same length just before this one (last week, last month). */
  public Period previous() {
    return switch (kind) {
      case "week" -> week(from.minusWeeks(1));
      case "month" -> month(from.minusMonths(1));
      default -> new Period("custom", from.minus(ChronoUnit.DAYS.between(from, until), ChronoUnit.DAYS), from);
    };
  }

  /** The request parameters that ask for this period again, e.g. {@code period=month&date=2026-11-01}. */
  public String query() {
    return "custom".equals(kind) ? "period=custom&from=" + from + "&to=" + to() : "period=" + kind + "&date=" + from;
  }

  /** How people name it: 2026年11月, 2026年第47周 (11-16 至 11-22), 2026-11-01 至 2026-11-15. */
  public String label() {
    return switch (kind) {
      case "week" -> from.get(IsoFields.WEEK_BASED_YEAR) + "年第" + from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
          + "周（" + from + " 至 " + to() + "）";
      case "month" -> from.getYear() + "年" + from.getMonthValue() + "月";
      default -> from + " 至 " + to();
    };
  }
}
