package org.wenzheng.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wenzheng.data.Rows;

/**
 * The working calendar as data. Holds the current {@link WorkingCalendar} in memory (deadlines are computed often),
 * reloads it after a change here and every minute (so every node of a cluster follows an administrator's change),
 * and lets administrators load a year's holidays without a restart.
 */
@Service
@NamedInterface("calendar")
public class Calendars {

  private static final Logger log = LoggerFactory.getLogger(Calendars.class);

  private final JdbcClient jdbc;
  private final CalendarProperties properties;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final AtomicReference<WorkingCalendar> current = new AtomicReference<>();

  Calendars(JdbcClient jdbc, CalendarProperties properties, ApplicationEventPublisher events, ObjectMapper json) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.events = events;
    this.json = json;
    reload();
  }

  public WorkingCalendar current() {
    return current.get();
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  public void reload() {
    Map<LocalDate, DayKind> days = new HashMap<>();
    jdbc.sql("select day, kind from calendar_day").query((rs, i) -> {
      days.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
      return null;
    }).list();
    List<Integer> years = jdbc.sql("select year from calendar_year").query(Integer.class).list();
    current.set(new WorkingCalendar(properties.toOfficeHours(), days, years, properties.zone()));
  }

  /** A named day of a year's calendar. */
  public record Day(LocalDate date, DayKind kind, String name) {
  }

  public List<Day> year(int year) {
    return jdbc.sql("select day as date, kind, name from calendar_day where extract(year from day) = ? order by day")
        .param(year).query(Rows.of(Day.class)).list();
  }

  public boolean isLoaded(int year) {
    return current().isLoaded(year);
  }

  /**
   * Replaces a year's holidays and make-up working days, records who changed which days, and tells the rest of the
   * system which days changed (pending deadlines that span them are recalculated).
   *
   * @return the days whose kind changed
   */
  @Transactional
  public Set<LocalDate> replaceYear(int year, List<Day> days, String source, String changedBy) {
    Map<LocalDate, Day> before = new TreeMap<>();
    year(year).forEach(d -> before.put(d.date(), d));
    Map<LocalDate, Day> after = new TreeMap<>();
    days.forEach(d -> after.put(d.date(), d));

    Set<LocalDate> changed = new HashSet<>();
    for (LocalDate d : union(before.keySet(), after.keySet())) {
      DayKind old = before.containsKey(d) ? before.get(d).kind() : null;
      DayKind now = after.containsKey(d) ? after.get(d).kind() : null;
      if (old != now) {
        changed.add(d);
      }
    }
    jdbc.sql("delete from calendar_day where extract(year from day) = ?").param(year).update();
    for (Day d : after.values()) {
      jdbc.sql("insert into calendar_day (day, kind, name) values (?, ?, ?)")
          .params(d.date(), d.kind().name(), d.name()).update();
    }
    jdbc.sql("""
            insert into calendar_year (year, loaded_at, loaded_by, source) values (?, ?, ?, ?)
            on conflict (year) do update set loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by,
                source = excluded.source""")
        .params(year, EngineClock.nowUtc(), changedBy, source).update();
    jdbc.sql("""
            insert into calendar_change (year, changed_at, changed_by, added, removed, recalculated_clocks)
            values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), 0)""")
        .params(year, EngineClock.nowUtc(), changedBy, toJson(diff(after, before)), toJson(diff(before, after)))
        .update();
    reload();
    log.info("Calendar {} replaced by {} from '{}': {} days changed kind", year, changedBy, source, changed.size());
    events.publishEvent(new CalendarChanged(year, changed, changedBy));
    return changed;
  }

  /** Records how many pending deadlines the last change of a year moved (for the change log). */
  public void recordRecalculation(int year, int clocks) {
    jdbc.sql("""
            update calendar_change set recalculated_clocks = ?
            where id = (select max(id) from calendar_change where year = ?)""")
        .params(clocks, year).update();
  }

  private static List<Day> diff(Map<LocalDate, Day> a, Map<LocalDate, Day> b) {
    return a.values().stream().filter(d -> !b.containsKey(d.date()) || b.get(d.date()).kind() != d.kind()).toList();
  }

  private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
    Set<LocalDate> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
