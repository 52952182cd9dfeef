package org.wenzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/** The working calendar as supervisors and administrators use it over HTTP, on the shipped data. */
@WenzhengTest
class CalendarApiTest {

  @LocalServerPort int port;
  @Autowired Calendars calendars;
  @Autowired Scenario scenario;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void shouldShipTheSchedulesThatTheStateCouncilPublishedFor2025And2026() {
    Map<LocalDate, DayKind> published = PublishedCalendars.days();
    WorkingCalendar shipped = calendars.current();
    WorkingCalendar expected = PublishedCalendars.calendar();
    for (LocalDate d = LocalDate.parse("2025-01-01"); d.getYear() < 2027; d = d.plusDays(1)) {
      assertThat(shipped.isWorkingDay(d)).as("%s", d).isEqualTo(expected.isWorkingDay(d));
    }
    assertThat(published).containsEntry(LocalDate.parse("2026-02-14"), DayKind.WORKDAY);
    assertThat(shipped.isLoaded(2025)).isTrue();
    assertThat(shipped.isLoaded(2026)).isTrue();
  }

  @Test
  void shouldPreviewADeadlineForASupervisor() {
    Api api = new Api(port);
    JsonNode preview = api.get("/api/calendar/deadline?from=2026-02-13T19:00:00%2B08:00&duration=P2D&basis=WORKING",
        "supervisor").json();
    assertThat(preview.get("due").asText()).isEqualTo("2026-02-24T17:30:00+08:00");
    assertThat(preview.get("fromIsWorkingTime").asBoolean()).isFalse();
    JsonNode natural = api.get("/api/calendar/deadline?from=2026-02-13T19:00:00%2B08:00&duration=PT8H"
        + "&basis=NATURAL", "dispatcher").json();
    assertThat(natural.get("due").asText()).isEqualTo("2026-02-14T03:00:00+08:00");
  }

  @Test
  void shouldRefuseABadPreviewNamingTheParameter() {
    Api api = new Api(port);
    for (String[] bad : new String[][] {
        {"from=yesterday&duration=PT1H&basis=WORKING", "from"},
        {"from=2026-02-13T19:00:00&duration=PT1H&basis=WORKING", "from"},
        {"from=2026-02-13T19:00:00%2B08:00&duration=1h&basis=WORKING", "duration"},
        {"from=2026-02-13T19:00:00%2B08:00&basis=WORKING", "duration"},
        {"from=2026-02-13T19:00:00%2B08:00&duration=PT1H&basis=OFFICE", "basis"}}) {
      Api.Response r = api.get("/api/calendar/deadline?" + bad[0], "supervisor");
      assertThat(r.status()).as(bad[0]).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("errors").get(0).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(api.get("/api/calendar/deadline?from=2026-02-13T19:00:00%2B08:00&duration=PT1H&basis=WORKING", null)
        .status()).isEqualTo(401);
  }

  @Test
  void shouldLetOnlyAnAdministratorLoadAYearAndCheckWhatTheyLoad() {
    Api api = new Api(port);
    String schedule = Api.json(Map.of("holidays", List.of(Map.of("from", "2028-01-01", "to", "2028-01-01",
        "name", "元旦"))));
    assertThat(api.put("/api/calendar/years/2028", "supervisor", schedule).status()).isEqualTo(403);
    assertThat(api.put("/api/calendar/years/2028", "dispatcher", schedule).status()).isEqualTo(403);
    assertThat(api.put("/api/calendar/years/2028", null, schedule).status()).isEqualTo(401);

    Map<String, String> invalid = Map.of(
        "{\"holidays\":[{\"from\":\"2029-01-01\",\"to\":\"2029-01-01\",\"name\":\"元旦\"}]}", "holidays[0]",
        "{\"holidays\":[{\"from\":\"2028-01-03\",\"to\":\"2028-01-01\",\"name\":\"元旦\"}]}", "holidays[0]",
        "{\"holidays\":[{\"from\":\"2028-01-01\",\"to\":\"2028-01-01\"}]}", "holidays[0].name",
        "{\"holidays\":[],\"workdays\":[{\"date\":\"2028-01-05\",\"name\":\"调休\"}]}", "workdays[0]",
        "{\"workdays\":[]}", "holidays");
    invalid.forEach((body, field) -> {
      Api.Response r = api.put("/api/calendar/years/2028", "admin", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.json().get("errors").get(0).get("field").asText()).as(body).isEqualTo(field);
    });
    assertThat(calendars.isLoaded(2028)).isFalse();
  }

  @Test
  void shouldMoveARunningDeadlineWhenNextYearsHolidaysAreLoadedAndStopWarning() {
    Api api = new Api(port);
    Scenario.clock("2026-12-31T16:00"); // Thursday afternoon; 2027 is not loaded yet
    assertThat(api.get("/actuator/health", "admin").json().at("/components/workingCalendar/status").asText())
        .isEqualTo("WARNING");
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw", "COMPLEX", false);
    // 3 working days without holidays: 1.5 h on 31 Dec, Friday 1 Jan, Monday 4 Jan, then until 16:00 on 5 Jan.
    assertThat(scenario.reload(appeal).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2027-01-05T16:00"));
    String responseDue = scenario.reload(appeal).responseDueAt().toString();

    Api.Response loaded = api.put("/api/calendar/years/2027", "admin", Api.json(Map.of(
        "source", "测试用 2027 年安排",
        "holidays", List.of(Map.of("from", "2027-01-01", "to", "2027-01-03", "name", "元旦")),
        "workdays", List.of())));
    assertThat(loaded.status()).isEqualTo(200);
    assertThat(loaded.json().get("changedDays").asInt()).isEqualTo(3);
    assertThat(loaded.json().get("recalculatedDeadlines").asInt()).isGreaterThanOrEqualTo(1);

    // New Year's Day is off now: the deadline moves a working day later, with the task and the timers.
    Appeal moved = scenario.reload(appeal);
    assertThat(moved.resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2027-01-06T16:00"));
    assertThat(moved.responseDueAt().toString()).isEqualTo(responseDue);
    Job overdueTimer = managementService.createJobQuery().processInstanceId(moved.processInstanceId())
        .activityId(AppealProcess.TIMER_RESOLUTION_OVERDUE).singleResult();
    assertThat(overdueTimer.getDuedate().toInstant()).isEqualTo(Scenario.at("2027-01-06T16:00"));
    assertThat(scenario.events(appeal)).contains("DEADLINE_MOVED");
    assertThat(jdbc.sql("select changed_by from calendar_change where year = 2027 order by id desc limit 1")
        .query(String.class).single()).isEqualTo("admin");
    assertThat(api.get("/api/calendar/years/2027", "dispatcher").json().get("days")).hasSize(3);

    // Acknowledged, the appeal's handling task carries the moved due date too.
    scenario.acknowledge(appeal, "cgw");
    assertThat(taskService.createTaskQuery().processInstanceId(moved.processInstanceId()).singleResult().getDueDate()
        .toInstant()).isEqualTo(Scenario.at("2027-01-06T16:00"));
    assertThat(api.get("/actuator/health", "admin").json().at("/components/workingCalendar/status").asText())
        .isEqualTo("UP");
  }
}
