package org.wenzheng.calendar;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The year after the last loaded one must not be treated as holiday-free without anybody noticing. From 1 November of
 * the last loaded year (the State Council publishes the next year's schedule in autumn), the health endpoint reports
 * WARNING and the log says so every morning, until an administrator loads the next year.
 */
@Component("workingCalendar")
class CalendarHealth implements HealthIndicator {

  static final Status WARNING = new Status("WARNING", "next year's holidays are not loaded");
  private static final Logger log = LoggerFactory.getLogger(CalendarHealth.class);

  private final Calendars calendars;

  CalendarHealth(Calendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public Health health() {
    LocalDate today = EngineClock.now().atZone(calendars.current().zone()).toLocalDate();
    String warning = warning(today);
    Health.Builder builder = warning == null ? Health.up() : Health.status(WARNING).withDetail("warning", warning);
    calendars.current().lastLoadedYear().ifPresent(y -> builder.withDetail("lastLoadedYear", y));
    return builder.build();
  }

  String warning(LocalDate today) {
    return warning(today, calendars::isLoaded);
  }

  /**
   * The warning for this day, or null when the calendar is loaded far enough ahead: this year always, next year from
   * 1 November.
   */
  static String warning(LocalDate today, java.util.function.IntPredicate loaded) {
    int needed = today.getMonthValue() >= 11 ? today.getYear() + 1 : today.getYear();
    for (int year = today.getYear(); year <= needed; year++) {
      if (!loaded.test(year)) {
        return year + " 年节假日安排尚未导入：在导入之前，" + year + " 年只按周一至周五计算工作日（PUT /api/calendar/years/"
            + year + "）";
      }
    }
    return null;
  }

  @Scheduled(cron = "0 0 8 * * *", zone = "Asia/Shanghai")
  @jakarta.annotation.PostConstruct
  void logWarning() {
    String warning = warning(EngineClock.now().atZone(calendars.current().zone()).toLocalDate());
    if (warning != null) {
      log.warn("Working calendar: {}", warning);
    }
  }
}
