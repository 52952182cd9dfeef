package org.wenzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the application starts warning that next year's holidays are missing. */
class CalendarHealthTest {

  private static final Set<Integer> SHIPPED = Set.of(2025, 2026);

  @Test
  void shouldStayQuietUntilTheEndOfOctober() {
    assertThat(CalendarHealth.warning(LocalDate.parse("2026-10-31"), SHIPPED::contains)).isNull();
  }

  @Test
  void shouldWarnFromTheFirstOfNovemberUntilNextYearIsLoaded() {
    assertThat(CalendarHealth.warning(LocalDate.parse("2026-11-01"), SHIPPED::contains))
        .contains("2027 年节假日安排尚未导入").contains("PUT /api/calendar/years/2027");
    assertThat(CalendarHealth.warning(LocalDate.parse("2026-11-01"), Set.of(2026, 2027)::contains)).isNull();
  }

  @Test
  void shouldWarnAboutTheCurrentYearIfItWasNeverLoaded() {
    assertThat(CalendarHealth.warning(LocalDate.parse("2027-03-01"), SHIPPED::contains)).contains("2027");
  }
}
