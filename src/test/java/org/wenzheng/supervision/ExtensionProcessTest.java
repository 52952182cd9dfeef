package org.wenzheng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.wenzheng.supervision.SupervisionProcessTest.mail;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 延期: a unit asks for more time before its deadline; its leaders, then the supervision office, decide. Approved,
 * the clock, the task and the timer move and the citizen hears the new date; refused, nothing moves.
 */
@WenzhengProcessTest
class ExtensionProcessTest {

  static final List<String> SUPERVISOR = List.of("supervision");
  static final List<String> CGW_LEADER = List.of("cgw", "leaders", "cgwleaders");
  static final List<String> CGW_HANDLER = List.of("cgw");

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  /** An appeal 市城管委 acknowledged at 10:10 on Wednesday; its resolution deadline is Thursday 10:00. */
  private Appeal handling() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Scenario.clock("2026-03-04T10:10");
    scenario.acknowledge(appeal, "cgw");
    assertThat(scenario.reload(appeal).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    return appeal;
  }

  private void requestExtension(Appeal appeal, String until) {
    scenario.complete("cgw1", CGW_HANDLER, appeal, AppealProcess.TASK_HANDLE, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "EXTENSION",
        AppealProcess.VAR_EXTENSION_REASON, "需更换整段供电电缆，须等供电公司停电窗口。",
        AppealProcess.VAR_EXTENSION_UNTIL, until));
  }

  private void leaderDecides(Appeal appeal, String decision, String note) {
    scenario.complete("cgwlead", CGW_LEADER, appeal, ExtensionRequestProcess.TASK_LEADER, Map.of(
        ExtensionRequestProcess.VAR_LEADER_DECISION, decision, ExtensionRequestProcess.VAR_LEADER_NOTE, note));
  }

  private void supervisionDecides(Appeal appeal, String decision, String note) {
    scenario.complete("supervisor", SUPERVISOR, appeal, ExtensionRequestProcess.TASK_SUPERVISION, Map.of(
        ExtensionRequestProcess.VAR_SUPERVISION_DECISION, decision,
        ExtensionRequestProcess.VAR_SUPERVISION_NOTE, note));
  }

  @Test
  void shouldMoveTheClockTaskAndTimerAndTellTheCitizenWhenAnExtensionIsApproved() {
    Appeal appeal = handling();
    Scenario.clock("2026-03-04T14:00");
    requestExtension(appeal, "2026-03-10");

    // Handling goes on while the request is decided: the unit's task is back, and says so.
    Task handle = scenario.task(appeal, AppealProcess.TASK_HANDLE);
    assertThat(handle).isNotNull();
    assertThat((String) runtimeService.getVariable(handle.getExecutionId(), AppealProcess.VAR_EXTENSION_STATUS))
        .contains("延期申请已提交").contains("2026-03-10");
    Task leaderTask = scenario.task(appeal, ExtensionRequestProcess.TASK_LEADER);
    assertThat(leaderTask).isNotNull().hasCandidateGroup("cgwleaders");
    // To be decided before the deadline it would move.
    assertThat(leaderTask.getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    assertThat(mail("cgwlead@staff.wenzheng.local", appeal, "延期申请待审核"))
        .contains("需更换整段供电电缆", "2026-03-10 17:30", "2026-03-05 10:00");

    // The handler who asked cannot approve it, neither as leader nor as the supervision office.
    assertThatThrownBy(() -> leaderDecidesAs("cgw1", CGW_HANDLER, appeal))
        .isInstanceOf(AuthorizationException.class);
    leaderDecides(appeal, "APPROVE", "");
    assertThatThrownBy(() -> scenario.complete("cgwlead", CGW_LEADER, appeal,
        ExtensionRequestProcess.TASK_SUPERVISION, Map.of(ExtensionRequestProcess.VAR_SUPERVISION_DECISION, "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(scenario.task(appeal, ExtensionRequestProcess.TASK_SUPERVISION)).hasCandidateGroup("supervision");
    supervisionDecides(appeal, "APPROVE", "同意延至3月10日。");

    Appeal extended = scenario.reload(appeal);
    assertThat(extended.resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-10T17:30"));
    assertThat(scenario.task(appeal, AppealProcess.TASK_HANDLE).getDueDate().toInstant())
        .isEqualTo(Scenario.at("2026-03-10T17:30"));
    assertThat(mail(extended.citizenEmail(), appeal, "答复时间调整")).contains("2026-03-10 17:30");
    assertThat(mail("cgw@units.wenzheng.local", appeal, "延期申请已获批准")).contains("2026-03-10 17:30");
    assertThat(extensionInstance(appeal).getEndActivityId()).isEqualTo(ExtensionRequestProcess.END_GRANTED);
    assertThat(status(appeal)).isEqualTo("APPROVED");

    // The old deadline passes quietly; the new one is what the timer now watches.
    Scenario.clock("2026-03-05T10:01");
    assertThat(scenario.fireDueTimers(appeal)).doesNotContain(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    Scenario.clock("2026-03-10T17:31");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    assertThat(scenario.task(appeal, SupervisionProcess.TASK_SUPERVISE)).isNotNull();
    assertThat(scenario.events(appeal)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_LEADER_APPROVE",
        "EXTENSION_SUPERVISION_APPROVE", "EXTENSION_APPROVED");
  }

  private Void leaderDecidesAs(String user, List<String> groups, Appeal appeal) {
    scenario.complete(user, groups, appeal, ExtensionRequestProcess.TASK_LEADER, Map.of(
        ExtensionRequestProcess.VAR_LEADER_DECISION, "APPROVE"));
    return null;
  }

  @Test
  void shouldKeepTheDeadlineAndTellTheUnitWhyWhenItsLeaderRefuses() {
    Appeal appeal = handling();
    requestExtension(appeal, "2026-03-10");
    assertThatThrownBy(() -> leaderDecides(appeal, "REJECT", " "))
        .isInstanceOf(TaskInputRejectedException.class)
        .hasMessageContaining(ExtensionRequestProcess.VAR_LEADER_NOTE);
    leaderDecides(appeal, "REJECT", "电缆可临时搭接，先恢复照明。");

    assertThat(scenario.task(appeal, ExtensionRequestProcess.TASK_SUPERVISION)).isNull();
    assertRefused(appeal, "单位领导：电缆可临时搭接，先恢复照明。");
  }

  @Test
  void shouldKeepTheDeadlineWhenTheSupervisionOfficeRefuses() {
    Appeal appeal = handling();
    requestExtension(appeal, "2026-03-10");
    leaderDecides(appeal, "APPROVE", "");
    supervisionDecides(appeal, "REJECT", "理由不充分，路灯照明关系夜间安全。");

    assertRefused(appeal, "督查室：理由不充分，路灯照明关系夜间安全。");
    assertThat(scenario.events(appeal)).contains("EXTENSION_SUPERVISION_REJECT", "EXTENSION_REJECTED");
  }

  private void assertRefused(Appeal appeal, String note) {
    assertThat(scenario.reload(appeal).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    assertThat(scenario.task(appeal, AppealProcess.TASK_HANDLE).getDueDate().toInstant())
        .isEqualTo(Scenario.at("2026-03-05T10:00"));
    assertThat((String) runtimeService.getVariable(scenario.reload(appeal).processInstanceId(),
        AppealProcess.VAR_EXTENSION_STATUS)).contains("未获批准", note, "2026-03-05 10:00");
    assertThat(mail("cgw@units.wenzheng.local", appeal, "延期申请未获批准")).contains(note);
    assertThat(extensionInstance(appeal).getEndActivityId()).isEqualTo(ExtensionRequestProcess.END_REFUSED);
    assertThat(status(appeal)).isEqualTo("REJECTED");
    Scenario.clock("2026-03-05T10:01");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE);
  }

  @Test
  void shouldRefuseARequestMadeAfterTheDeadline() {
    Appeal appeal = handling();
    Scenario.clock("2026-03-05T10:30");

    assertThatThrownBy(() -> requestExtension(appeal, "2026-03-10"))
        .isInstanceOf(TaskInputRejectedException.class)
        .hasMessageContaining("办结时限（2026-03-05 10:00）已过，不能再申请延期");
    assertUnchanged(appeal);
  }

  @Test
  void shouldRefuseDaysThatAreNotWorkingDaysOrTooFarAway() {
    Appeal appeal = handling();

    assertThatThrownBy(() -> requestExtension(appeal, "2026-03-07"))
        .isInstanceOf(TaskInputRejectedException.class)
        .hasMessageContaining(AppealProcess.VAR_EXTENSION_UNTIL).hasMessageContaining("不是工作日");
    // Ten working days after Thursday 10:00 is 19 March 10:00: the 19th ends later, so it is already too far.
    assertThatThrownBy(() -> requestExtension(appeal, "2026-03-19"))
        .isInstanceOf(TaskInputRejectedException.class)
        .hasMessageContaining(AppealProcess.VAR_EXTENSION_UNTIL).hasMessageContaining("最多延长 10 个工作日");
    assertThatThrownBy(() -> requestExtension(appeal, "3月10日"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("应为日期");
    assertUnchanged(appeal);
    requestExtension(appeal, "2026-03-18");
    assertThat(status(appeal)).isEqualTo("PENDING");
  }

  @Test
  void shouldAllowOnlyOneExtensionPerAppeal() {
    Appeal appeal = handling();
    requestExtension(appeal, "2026-03-10");

    // Not while the first is pending, nor after it was approved.
    assertThatThrownBy(() -> requestExtension(appeal, "2026-03-11"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("最多申请延期 1 次");
    leaderDecides(appeal, "APPROVE", "");
    supervisionDecides(appeal, "APPROVE", "");
    assertThatThrownBy(() -> requestExtension(appeal, "2026-03-11"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("最多申请延期 1 次");
    assertThat(jdbc.sql("select count(*) from extension_request where appeal_id = ?").param(appeal.id())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void shouldWithdrawAPendingRequestWhenTheUnitAnswersFirst() {
    Appeal appeal = handling();
    requestExtension(appeal, "2026-03-10");
    Scenario.clock("2026-03-04T16:00");
    scenario.reply(appeal, "cgw", "RESOLVED", "已临时搭接电缆，路灯恢复照明。");

    assertThat(scenario.task(appeal, ExtensionRequestProcess.TASK_LEADER)).isNull();
    HistoricProcessInstance request = extensionInstance(appeal);
    assertThat(request.getState()).isEqualTo("COMPLETED");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
        .activityId(ExtensionRequestProcess.END_WITHDRAWN).count()).isOne();
    assertThat(status(appeal)).isEqualTo("WITHDRAWN");
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.GATEWAY_AWAIT_RATING);
  }

  private void assertUnchanged(Appeal appeal) {
    assertThat(jdbc.sql("select count(*) from extension_request where appeal_id = ?").param(appeal.id())
        .query(Long.class).single()).isZero();
    assertThat(scenario.task(appeal, ExtensionRequestProcess.TASK_LEADER)).isNull();
    assertThat(scenario.reload(appeal).resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    assertThat(scenario.events(appeal)).doesNotContain("EXTENSION_REQUESTED");
  }

  private HistoricProcessInstance extensionInstance(Appeal appeal) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(appeal.trackingNumber())
        .processDefinitionKey(ExtensionRequestProcess.PROCESS_ID).singleResult();
  }

  private String status(Appeal appeal) {
    return jdbc.sql("select status from extension_request where appeal_id = ?").param(appeal.id())
        .query(String.class).single();
  }
}
