package org.wenzheng.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * The appeal's clocks on the real engine with the engine clock moved: the response and resolution deadlines from the
 * policy and the working calendar, reminders, overdue marks and escalations, frozen flags, clocks restarted after a
 * return and a redo, and a changed decision table that the next appeal follows without any Java change.
 */
@WenzhengProcessTest
class DeadlinesProcessTest {

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  @Test
  void shouldGiveOneWorkingHourToRespondAndOneWorkingDayToResolveWhenDispatchedInOfficeHours() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");

    Appeal dispatched = scenario.reload(appeal);
    assertThat(dispatched.responseDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-04T11:00"));
    assertThat(dispatched.resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    Task acknowledge = scenario.task(appeal);
    assertThat(acknowledge.getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-04T11:00"));
    assertThat(runtimeService.getVariable(acknowledge.getProcessInstanceId(), AppealProcess.VAR_RESPONSE_DUE_AT))
        .isEqualTo("2026-03-04 11:00");
    assertThat(clocks(appeal)).containsExactly(
        "RESPONSE cgw PT1H WORKING due 2026-03-04T03:00:00Z remind 2026-03-04T02:45:00Z",
        "RESOLUTION cgw P1D WORKING due 2026-03-05T02:00:00Z remind 2026-03-04T08:45:00Z");

    Scenario.clock("2026-03-04T10:20");
    scenario.acknowledge(appeal, "cgw");
    assertThat(scenario.task(appeal).getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
  }

  @Test
  void shouldGiveEightNaturalHoursToRespondAndCountTheResolutionPastTheSpringFestival() {
    Scenario.clock("2026-02-13T19:00"); // Friday evening; Saturday 14 Feb is worked, 15-23 Feb is the holiday
    Appeal general = scenario.submit();
    scenario.review(general, "cgw", "GENERAL", false);
    Appeal difficult = scenario.submit();
    scenario.review(difficult, "cgw", "DIFFICULT", false);
    Appeal complex = scenario.submit();
    scenario.review(complex, "cgw", "COMPLEX", false);

    assertThat(scenario.reload(general).responseDueAt().toInstant()).isEqualTo(Scenario.at("2026-02-14T03:00"));
    assertThat(scenario.reload(general).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-02-14T17:30"));
    assertThat(scenario.reload(difficult).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-02-24T17:30"));
    assertThat(scenario.reload(complex).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-02-25T17:30"));
  }

  @Test
  void shouldGiveAnUrgentAppealOneHourAroundTheClock() {
    Scenario.clock("2026-03-07T22:00"); // Saturday night
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "zjj", "GENERAL", true);

    assertThat(scenario.reload(appeal).urgent()).isTrue();
    assertThat(scenario.reload(appeal).responseDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-07T23:00"));
  }

  @Test
  void shouldRemindThenMarkTheResponseOverdueAndEscalateWhileTheUnitKeepsTheAppeal() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    ProcessInstance pi = scenario.instance(appeal);

    Scenario.clock("2026-03-04T10:44");
    assertThat(scenario.fireDueTimers(appeal)).isEmpty();
    Scenario.clock("2026-03-04T10:46");
    assertThat(scenario.fireDueTimers(appeal)).containsExactly(AppealProcess.TIMER_RESPONSE_REMINDER);
    assertThat(pi).hasPassed(AppealProcess.TASK_REMIND_RESPONSE).isWaitingAt(AppealProcess.TASK_ACKNOWLEDGE);
    assertThat(unitMail(appeal, "催办")).contains("签收时限为 2026-03-04 11:00").doesNotContain("超期");
    assertThat(scenario.reload(appeal).responseOverdue()).isFalse();

    Scenario.clock("2026-03-04T11:01");
    assertThat(scenario.fireDueTimers(appeal)).containsExactly(AppealProcess.TIMER_RESPONSE_OVERDUE);
    assertThat(pi).hasPassed(AppealProcess.TASK_MARK_RESPONSE_OVERDUE, AppealProcess.END_RESPONSE_ESCALATED)
        .isWaitingAt(AppealProcess.TASK_ACKNOWLEDGE);
    assertThat(scenario.reload(appeal).responseOverdue()).isTrue();
    assertThat(scenario.reload(appeal).resolutionOverdue()).isFalse();
    assertThat(unitMail(appeal, "超期")).contains("签收时限为 2026-03-04 11:00，现已超期");
    assertThat(scenario.events(appeal)).contains("REMINDED", "OVERDUE");

    // Acknowledging late freezes the flag: nothing later can clear it.
    Scenario.clock("2026-03-04T11:20");
    scenario.acknowledge(appeal, "cgw");
    assertThat(frozen(appeal, "RESPONSE")).isEqualTo("DONE overdue=true");
    assertThat(scenario.reload(appeal).responseOverdue()).isTrue();
    assertThat(pi).isWaitingAt(AppealProcess.TASK_HANDLE);
  }

  @Test
  void shouldRemindThenMarkTheResolutionOverdueAcrossAcknowledgementAndHandling() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Scenario.clock("2026-03-04T10:10");
    scenario.acknowledge(appeal, "cgw");
    assertThat(frozen(appeal, "RESPONSE")).isEqualTo("DONE overdue=false");
    ProcessInstance pi = scenario.instance(appeal);

    Scenario.clock("2026-03-04T16:46");
    assertThat(scenario.fireDueTimers(appeal)).containsExactly(AppealProcess.TIMER_RESOLUTION_REMINDER);
    assertThat(pi).hasPassed(AppealProcess.TASK_REMIND_RESOLUTION).isWaitingAt(AppealProcess.TASK_HANDLE);
    assertThat(unitMail(appeal, "催办")).contains("办结时限为 2026-03-05 10:00");

    Scenario.clock("2026-03-05T10:01");
    assertThat(scenario.fireDueTimers(appeal)).containsExactly(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    assertThat(pi).hasPassed(AppealProcess.TASK_MARK_RESOLUTION_OVERDUE, AppealProcess.END_RESOLUTION_ESCALATED)
        .isWaitingAt(AppealProcess.TASK_HANDLE);
    Appeal overdue = scenario.reload(appeal);
    assertThat(overdue.resolutionOverdue()).isTrue();
    assertThat(overdue.responseOverdue()).isFalse();

    Scenario.clock("2026-03-05T11:00");
    scenario.reply(appeal, "cgw", "RESOLVED", "已修复。");
    assertThat(frozen(appeal, "RESOLUTION")).isEqualTo("DONE overdue=true");
    assertThat(pi).isWaitingAt(AppealProcess.GATEWAY_AWAIT_RATING);
  }

  @Test
  void shouldCountWorkCompletedAfterTheDeadlineAsOverdueEvenBeforeTheTimerFired() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Scenario.clock("2026-03-04T11:30"); // past due; the job executor has not fired the timer yet
    scenario.acknowledge(appeal, "cgw");

    assertThat(frozen(appeal, "RESPONSE")).isEqualTo("DONE overdue=true");
    assertThat(scenario.reload(appeal).responseOverdue()).isTrue();
    assertThat(scenario.events(appeal)).contains("OVERDUE");
  }

  @Test
  void shouldRestartBothClocksForTheNextUnitAfterAReturn() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "gaj");
    scenario.acknowledge(appeal, "gaj");
    Scenario.clock("2026-03-04T14:00");
    scenario.returnToDispatch(appeal, "gaj", "属城管职责");
    scenario.agreeReturn(appeal);
    assertThat(frozen(appeal, "RESOLUTION")).isEqualTo("RETURNED overdue=false");

    Scenario.clock("2026-03-04T15:00");
    scenario.review(appeal, "cgw");
    Appeal rerouted = scenario.reload(appeal);
    assertThat(rerouted.responseDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-04T16:00"));
    assertThat(rerouted.resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-05T15:00"));
    assertThat(clocks(appeal)).filteredOn(c -> c.contains(" cgw ")).hasSize(2);
  }

  @Test
  void shouldRestartOnlyTheResolutionClockForARedo() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "已修复。");
    Scenario.clock("2026-03-06T16:00"); // Friday afternoon
    scenario.visit(appeal, "UNSATISFIED");

    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).isWaitingAt(AppealProcess.TASK_HANDLE);
    assertThat(passes(pi, AppealProcess.TASK_DETERMINE_RESPONSE_DEADLINE)).isEqualTo(1);
    assertThat(passes(pi, AppealProcess.TASK_DETERMINE_RESOLUTION_DEADLINE)).isEqualTo(2);
    assertThat(passes(pi, AppealProcess.TASK_ACKNOWLEDGE)).isEqualTo(1);
    // One working day from Friday 16:00: Monday 16:00.
    assertThat(scenario.reload(appeal).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-09T16:00"));
    assertThat(scenario.task(appeal).getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-09T16:00"));
    assertThat(clocks(appeal)).filteredOn(c -> c.startsWith("RESPONSE")).hasSize(1);
    assertThat(clocks(appeal)).filteredOn(c -> c.startsWith("RESOLUTION")).hasSize(2);
  }

  @Test
  void shouldFollowAChangedResolutionDeadlineInTheDecisionTableWithoutAnyJavaChange() throws Exception {
    String shipped = new String(new ClassPathResource("processes/deadline-policy.dmn").getInputStream()
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    // A supervisor gives ordinary problems four working days (成华区's rule) and deploys the table from Modeler.
    String changed = shipped.replace("<text>\"P1D\"</text>", "<text>\"P4D\"</text>")
        // and the dispatch centre four working hours to review instead of two
        .replace("<text>\"PT2H\"</text>", "<text>\"PT4H\"</text>");
    assertThat(changed).isNotEqualTo(shipped);
    java.time.Instant shippedReviewDue = scenario.task(scenario.submit()).getDueDate().toInstant();
    repositoryService.createDeployment().name("supervisor-change").addString("deadline-policy.dmn", changed).deploy();
    try {
      Appeal appeal = scenario.submit();
      assertThat(scenario.task(appeal).getDueDate().toInstant()).isAfter(shippedReviewDue);
      scenario.review(appeal, "cgw", "GENERAL", false);
      assertThat(scenario.reload(appeal).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-10T10:00"));
    } finally {
      repositoryService.createDeployment().name("restore-shipped").addString("deadline-policy.dmn", shipped).deploy();
    }
    Appeal next = scenario.submit();
    assertThat(scenario.task(next).getDueDate().toInstant()).isEqualTo(shippedReviewDue);
    scenario.review(next, "cgw", "GENERAL", false);
    assertThat(scenario.reload(next).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
  }

  private List<String> clocks(Appeal appeal) {
    return jdbc.sql("""
            select kind || ' ' || department_code || ' ' || allowed || ' ' || basis
                || ' due ' || to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                || ' remind ' || to_char(reminder_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            from appeal_clock where appeal_id = ? order by id""").param(appeal.id()).query(String.class).list();
  }

  private long passes(ProcessInstance pi, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(activityId).count();
  }

  private String frozen(Appeal appeal, String kind) {
    return jdbc.sql("""
            select stop_reason || ' overdue=' || overdue from appeal_clock
            where appeal_id = ? and kind = ? and frozen order by id desc limit 1""")
        .params(appeal.id(), kind).query(String.class).single();
  }

  /** The body of the email the holding unit received about this appeal with this word in its subject. */
  private String unitMail(Appeal appeal, String subjectWord) {
    String unitEmail = scenario.reload(appeal).departmentCode() + "@units.wenzheng.local";
    await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(unitEmail).stream()
        .anyMatch(m -> subject(m).contains(appeal.trackingNumber()) && subject(m).contains(subjectWord)));
    return TestMail.to(unitEmail).stream()
        .filter(m -> subject(m).contains(appeal.trackingNumber()) && subject(m).contains(subjectWord))
        .map(TestMail::body).findFirst().orElseThrow();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
