package org.wenzheng.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** The office hours of a working day, e.g. 09:00-12:00 and 13:30-17:30, and which weekdays are working days. */
@NamedInterface("calendar")
public record OfficeHours(List<Period> periods, Set<DayOfWeek> workingWeekdays) {

  public record Period(LocalTime start, LocalTime end) {
    public Period {
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("office period " + start + "-" + end + " is empty");
      }
    }

    /** "09:00-12:00". */
    public static Period parse(String text) {
      String[] parts = text.strip().split("-");
      if (parts.length != 2) {
        throw new IllegalArgumentException("office period '" + text + "' is not HH:mm-HH:mm");
      }
      return new Period(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
    }

    Duration length() {
      return Duration.between(start, end);
    }
  }

  public OfficeHours {
    List<Period> sorted = new ArrayList<>(periods);
    sorted.sort(Comparator.comparing(Period::start));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
        throw new IllegalArgumentException("office periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    if (sorted.isEmpty() || workingWeekdays.isEmpty()) {
      throw new IllegalArgumentException("office hours need at least one period and one working weekday");
    }
    periods = List.copyOf(sorted);
    workingWeekdays = Set.copyOf(workingWeekdays);
  }

  /** Monday to Friday, 09:00-12:00 and 13:30-17:30. */
  public static OfficeHours chineseOfficeDefault() {
    return new OfficeHours(List.of(Period.parse("09:00-12:00"), Period.parse("13:30-17:30")),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  }

  /** The working time in one working day (7 hours by default). */
  public Duration dayLength() {
    return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
  }
}
