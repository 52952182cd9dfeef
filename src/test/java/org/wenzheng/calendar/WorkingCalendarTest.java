package org.wenzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The working calendar on the days that matter, each answer worked out by hand from the published schedule. */
class WorkingCalendarTest {

  private final WorkingCalendar calendar = PublishedCalendars.calendar();

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PublishedCalendars.SHANGHAI).toInstant();
  }

  private Instant working(String from, String iso) {
    return calendar.add(at(from), DeadlineDuration.parse(iso), Basis.WORKING);
  }

  @Test
  void shouldCarryAFridayEveningAppealOverTheMakeUpSaturdayAndTheNineDaySpringFestival() {
    // Friday 13 Feb 2026, 19:00: outside office hours. Saturday 14 Feb is a make-up working day (调休),
    // 15-23 Feb is the Spring Festival holiday, Tuesday 24 Feb the next working day.
    assertThat(calendar.isWorkingTime(at("2026-02-13T19:00"))).isFalse();
    assertThat(working("2026-02-13T19:00", "PT1H")).isEqualTo(at("2026-02-14T10:00"));
    assertThat(working("2026-02-13T19:00", "P1D")).isEqualTo(at("2026-02-14T17:30"));
    assertThat(working("2026-02-13T19:00", "P2D")).isEqualTo(at("2026-02-24T17:30"));
    assertThat(working("2026-02-13T19:00", "P3D")).isEqualTo(at("2026-02-25T17:30"));
    // A reply due late on the make-up Saturday moves past the whole holiday.
    assertThat(working("2026-02-14T17:00", "PT1H")).isEqualTo(at("2026-02-24T09:30"));
    // Natural time knows no holidays.
    assertThat(calendar.add(at("2026-02-13T19:00"), DeadlineDuration.parse("PT8H"), Basis.NATURAL))
        .isEqualTo(at("2026-02-14T03:00"));
  }

  @Test
  void shouldTreatTheMakeUpSaturdayAsAWorkingDayAndOtherSaturdaysNot() {
    assertThat(calendar.isWorkingTime(at("2026-02-14T10:00"))).isTrue();
    assertThat(calendar.isWorkingTime(at("2026-02-07T10:00"))).isFalse();
    assertThat(calendar.isWorkingTime(at("2026-02-16T10:00"))).isFalse(); // a Monday in the holiday
    assertThat(calendar.isWorkingTime(at("2026-02-28T10:00"))).isTrue();  // the second make-up Saturday
    assertThat(calendar.isWorkingTime(at("2026-10-10T10:00"))).isTrue();
    assertThat(calendar.isWorkingTime(at("2026-10-07T10:00"))).isFalse();
  }

  @Test
  void shouldStopTheClockOverTheLunchBreak() {
    assertThat(working("2026-03-02T11:30", "PT1H")).isEqualTo(at("2026-03-02T14:00"));
    assertThat(working("2026-03-02T12:15", "PT1H")).isEqualTo(at("2026-03-02T14:30"));
    assertThat(calendar.isWorkingTime(at("2026-03-02T12:00"))).isFalse();
    assertThat(calendar.isWorkingTime(at("2026-03-02T13:29"))).isFalse();
    assertThat(calendar.isWorkingTime(at("2026-03-02T13:30"))).isTrue();
    // Using up the morning exactly is due at noon, not at 13:30.
    assertThat(working("2026-03-02T09:00", "PT3H")).isEqualTo(at("2026-03-02T12:00"));
  }

  @Test
  void shouldGiveAnAppealReceivedAt1729OneMinuteTodayAndTheRestTomorrow() {
    // Thursday 12 Feb 2026 at 17:29 is still working time: one minute today, 59 tomorrow (a normal Friday).
    assertThat(calendar.isWorkingTime(at("2026-02-12T17:29"))).isTrue();
    assertThat(working("2026-02-12T17:29", "PT1H")).isEqualTo(at("2026-02-13T09:59"));
    // At 17:30 the office has closed.
    assertThat(calendar.isWorkingTime(at("2026-02-12T17:30"))).isFalse();
    // Friday 30 Jan 2026 17:29 (no make-up day that weekend): the rest is on Monday.
    assertThat(working("2026-01-30T17:29", "PT1H")).isEqualTo(at("2026-02-02T09:59"));
  }

  @Test
  void shouldCountNationalDayAndItsMakeUpDays() {
    // Sunday 20 Sep 2026 is worked; Mid-Autumn 25-27 Sep and National Day 1-7 Oct are off; Saturday 10 Oct is worked.
    assertThat(working("2026-09-18T17:00", "PT1H")).isEqualTo(at("2026-09-20T09:30"));
    assertThat(working("2026-09-30T17:00", "P1D")).isEqualTo(at("2026-10-08T17:00"));
    assertThat(working("2025-09-30T17:00", "PT1H")).isEqualTo(at("2025-10-09T09:30"));
  }

  @Test
  void shouldMeasureWorkingTimeBetweenTwoInstants() {
    assertThat(calendar.workingTimeBetween(at("2026-02-13T17:00"), at("2026-02-24T10:00")))
        .isEqualTo(Duration.ofMinutes(30 + 7 * 60 + 60));
  }

  @Test
  void shouldFindTheReminderThreeQuartersOfTheWay() {
    Instant start = at("2026-03-02T09:00");
    Instant due = working("2026-03-02T09:00", "PT4H");   // 14:30, across lunch
    assertThat(calendar.fractionOfTheWay(start, due, Basis.WORKING, 0.75)).isEqualTo(at("2026-03-02T12:00"));
    assertThat(calendar.fractionOfTheWay(at("2026-03-02T20:00"), at("2026-03-03T04:00"), Basis.NATURAL, 0.75))
        .isEqualTo(at("2026-03-03T02:00"));
  }

  @Test
  void shouldReadAndWriteIsoDurations() {
    assertThat(DeadlineDuration.parse("P1DT4H30M")).isEqualTo(new DeadlineDuration(1, Duration.ofMinutes(270)));
    assertThat(DeadlineDuration.parse("P4D").toString()).isEqualTo("P4D");
    assertThat(DeadlineDuration.parse("PT8H").toString()).isEqualTo("PT8H");
    assertThat(calendar.toWorking(DeadlineDuration.parse("P2DT1H"))).isEqualTo(Duration.ofHours(15));
    for (String bad : new String[] {"", "P", "PT", "1H", "PT-1H", "P1W", "PT1.5H", "P1DT"}) {
      assertThatThrownBy(() -> DeadlineDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
