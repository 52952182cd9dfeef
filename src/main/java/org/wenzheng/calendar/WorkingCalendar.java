package org.wenzheng.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.springframework.modulith.NamedInterface;

/**
 * Chinese office time: office hours on working days, where working days are Monday to Friday, except public holidays,
 * plus the weekend days that are worked instead (调休). Immutable; answers are exact (to the nanosecond, so certainly
 * to the minute) across lunch breaks, nights, weekends, holidays and make-up days.
 *
 * <p>A working period is half-open, [09:00, 12:00): an appeal that arrives at 12:00 arrives in the lunch break. A
 * deadline that uses up the last minute of a period is due at the period's end (12:00 or 17:30), not at the start of
 * the next one, which is the same point in working time but reads better.
 */
@NamedInterface("calendar")
public final class WorkingCalendar {

  /** No deadline spans more than ten years; guards the loops against a calendar without working days. */
  private static final int MAX_DAYS = 3660;

  private final OfficeHours hours;
  private final Map<LocalDate, DayKind> exceptions;
  private final NavigableSet<Integer> loadedYears;
  private final ZoneId zone;

  public WorkingCalendar(OfficeHours hours, Map<LocalDate, DayKind> exceptions,
      java.util.Collection<Integer> loadedYears, ZoneId zone) {
    this.hours = hours;
    this.exceptions = Map.copyOf(exceptions);
    this.loadedYears = new TreeSet<>(loadedYears);
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public OfficeHours officeHours() {
    return hours;
  }

  /** The last year whose holidays are loaded, or empty if none. */
  public java.util.Optional<Integer> lastLoadedYear() {
    return loadedYears.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(loadedYears.last());
  }

  public boolean isLoaded(int year) {
    return loadedYears.contains(year);
  }

  public boolean isWorkingDay(LocalDate day) {
    DayKind kind = exceptions.get(day);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    return hours.workingWeekdays().contains(day.getDayOfWeek());
  }

  /** Whether people are at work at this instant. */
  public boolean isWorkingTime(Instant t) {
    ZonedDateTime z = t.atZone(zone);
    if (!isWorkingDay(z.toLocalDate())) {
      return false;
    }
    var time = z.toLocalTime();
    return hours.periods().stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
  }

  /** Whether the instant lies in a working period or exactly at its end (where working-time deadlines may fall). */
  public boolean isWithinWorkingPeriod(Instant t) {
    ZonedDateTime z = t.atZone(zone);
    if (!isWorkingDay(z.toLocalDate())) {
      return false;
    }
    var time = z.toLocalTime();
    return hours.periods().stream().anyMatch(p -> !time.isBefore(p.start()) && !time.isAfter(p.end()));
  }

  public Instant add(Instant from, DeadlineDuration duration, Basis basis) {
    return basis == Basis.WORKING ? addWorking(from, toWorking(duration)) : addNatural(from, duration);
  }

  /** The working time a duration stands for: its days are whole working days. */
  public Duration toWorking(DeadlineDuration duration) {
    return hours.dayLength().multipliedBy(duration.days()).plus(duration.time());
  }

  /** {@code from} plus {@code amount} of working time. */
  public Instant addWorking(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot add negative working time");
    }
    if (amount.isZero()) {
      return from;
    }
    Duration remaining = amount;
    ZonedDateTime cursor = from.atZone(zone);
    LocalDate day = cursor.toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (OfficeHours.Period p : hours.periods()) {
        ZonedDateTime start = day.atTime(p.start()).atZone(zone);
        ZonedDateTime end = day.atTime(p.end()).atZone(zone);
        if (!end.isAfter(cursor)) {
          continue;
        }
        ZonedDateTime begin = start.isAfter(cursor) ? start : cursor;
        Duration available = Duration.between(begin, end);
        if (remaining.compareTo(available) <= 0) {
          return begin.plus(remaining).toInstant();
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + from);
  }

  public Instant addWorkingDays(Instant from, int days) {
    return addWorking(from, hours.dayLength().multipliedBy(days));
  }

  /** Clock time: days are calendar days in the calendar's zone. */
  public Instant addNatural(Instant from, DeadlineDuration duration) {
    return from.atZone(zone).plusDays(duration.days()).plus(duration.time()).toInstant();
  }

  /** The working time in [from, to). */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    ZonedDateTime a = from.atZone(zone);
    ZonedDateTime b = to.atZone(zone);
    for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (OfficeHours.Period p : hours.periods()) {
        ZonedDateTime start = day.atTime(p.start()).atZone(zone);
        ZonedDateTime end = day.atTime(p.end()).atZone(zone);
        ZonedDateTime lo = start.isAfter(a) ? start : a;
        ZonedDateTime hi = end.isBefore(b) ? end : b;
        if (hi.isAfter(lo)) {
          total = total.plus(Duration.between(lo, hi));
        }
      }
    }
    return total;
  }

  /**
   * The instant a given share of the time from {@code start} to {@code due} has passed, counted in the same basis
   * (used for reminders, e.g. at 75%).
   */
  public Instant fractionOfTheWay(Instant start, Instant due, Basis basis, double share) {
    if (basis == Basis.WORKING) {
      long nanos = workingTimeBetween(start, due).toNanos();
      return addWorking(start, Duration.ofNanos((long) (nanos * share)));
    }
    long nanos = Duration.between(start, due).toNanos();
    return start.plusNanos((long) (nanos * share));
  }
}
