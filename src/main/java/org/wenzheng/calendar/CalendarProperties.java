package org.wenzheng.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wenzheng.calendar.*}: office hours, working weekdays and the zone of the working calendar. */
@ConfigurationProperties("wenzheng.calendar")
public record CalendarProperties(List<String> officeHours, Set<DayOfWeek> workingWeekdays, ZoneId zone) {

  public OfficeHours toOfficeHours() {
    return new OfficeHours(officeHours.stream().map(OfficeHours.Period::parse).toList(), workingWeekdays);
  }
}
