package org.wenzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of working-time arithmetic, for any minute of 2025 and 2026 and any amount up to 60 working days, on the
 * published holiday schedules.
 */
class WorkingCalendarLawsTest {

  private static final WorkingCalendar CALENDAR = PublishedCalendars.calendar();
  private static final long FIRST = LocalDate.parse("2025-01-01").atStartOfDay(PublishedCalendars.SHANGHAI)
      .toEpochSecond() / 60;
  private static final long LAST = LocalDate.parse("2027-01-01").atStartOfDay(PublishedCalendars.SHANGHAI)
      .toEpochSecond() / 60;

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(FIRST, LAST).map(minute -> Instant.ofEpochSecond(minute * 60));
  }

  @Provide
  Arbitrary<Duration> amounts() {
    return Arbitraries.longs().between(0, 60L * 7 * 60).map(Duration::ofMinutes);
  }

  @Property(tries = 2000)
  void aWorkingTimeResultNeverFallsOutsideWorkingTime(@ForAll("instants") Instant from,
      @ForAll("amounts") Duration amount) {
    if (amount.isZero()) {
      return;
    }
    Instant due = CALENDAR.addWorking(from, amount);
    assertThat(CALENDAR.isWithinWorkingPeriod(due)).as("%s + %s = %s", from, amount, due).isTrue();
    assertThat(due).isAfter(from);
  }

  @Property(tries = 2000)
  void addingAThenBEqualsAddingAPlusB(@ForAll("instants") Instant from, @ForAll("amounts") Duration a,
      @ForAll("amounts") Duration b) {
    assertThat(CALENDAR.addWorking(CALENDAR.addWorking(from, a), b))
        .isEqualTo(CALENDAR.addWorking(from, a.plus(b)));
  }

  @Property(tries = 2000)
  void theWorkingTimeBetweenTAndTPlusNIsN(@ForAll("instants") Instant from, @ForAll("amounts") Duration amount) {
    assertThat(CALENDAR.workingTimeBetween(from, CALENDAR.addWorking(from, amount))).isEqualTo(amount);
  }

  @Property(tries = 1000)
  void moreTimeIsNeverDueEarlier(@ForAll("instants") Instant from, @ForAll("amounts") Duration a,
      @ForAll("amounts") Duration b) {
    Duration shorter = a.compareTo(b) <= 0 ? a : b;
    Duration longer = a.compareTo(b) <= 0 ? b : a;
    assertThat(CALENDAR.addWorking(from, shorter)).isBeforeOrEqualTo(CALENDAR.addWorking(from, longer));
  }

  @Property(tries = 1000)
  void aWorkingDayIsTheOfficeHoursOfOneDay(@ForAll("instants") Instant from) {
    assertThat(CALENDAR.addWorkingDays(from, 1))
        .isEqualTo(CALENDAR.addWorking(from, OfficeHours.chineseOfficeDefault().dayLength()));
  }
}
