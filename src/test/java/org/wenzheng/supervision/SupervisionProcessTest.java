package org.wenzheng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 督办: a late unit is supervised with a notice and a new deadline; in time, the case closes as met (missing it opens
 * an accountability case: AccountabilityProcessTest).
 */
@WenzhengProcessTest
class SupervisionProcessTest {

  static final List<String> SUPERVISOR = List.of("supervision");
  static final List<String> CGW_LEADER = List.of("cgw", "leaders", "cgwleaders");

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldSuperviseALateUnitAndCloseTheCaseWhenItAnswersWithinTheNewDeadline() {
    Appeal appeal = scenario.resolutionOverdue();
    Task superviseTask = scenario.task(appeal, SupervisionProcess.TASK_SUPERVISE);
    assertThat(superviseTask).isNotNull().hasCandidateGroup("supervision");

    scenario.supervise(appeal, "P1D");

    // The unit's clock, task and form now carry the supervision deadline: one working day from Thursday 10:01.
    Appeal supervised = scenario.reload(appeal);
    assertThat(supervised.resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-06T10:01"));
    assertThat(scenario.task(appeal).getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-06T10:01"));
    assertThat(supervised.resolutionOverdue()).isTrue();
    assertThat((String) runtimeService.getVariable(supervised.processInstanceId(),
        AppealProcess.VAR_SUPERVISION_NOTICE))
        .contains("请于期限内修复路灯").contains("2026-03-06 10:01");
    assertThat(mail("cgw@units.wenzheng.local", appeal, "督办通知")).contains("办结时限", "2026-03-06 10:01");
    assertThat(mail("cgwlead@staff.wenzheng.local", appeal, "督办通知")).contains("请于期限内修复路灯");

    Scenario.clock("2026-03-05T15:00");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已修复。");

    HistoricProcessInstance supervision = scenario.supervisionInstance(appeal);
    assertThat(supervision.getState()).isEqualTo("COMPLETED");
    assertThat(supervision.getEndActivityId()).isEqualTo(SupervisionProcess.END_MET);
    assertThat(scenario.noticeOutcome(appeal)).isEqualTo("MET");
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.GATEWAY_AWAIT_RATING);
  }

  @Test
  void shouldNeedNoNoticeWhenTheUnitAcknowledgesBeforeTheSupervisorActs() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Scenario.clock("2026-03-04T11:01");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESPONSE_OVERDUE);
    assertThat(scenario.task(appeal, SupervisionProcess.TASK_SUPERVISE)).isNotNull();

    Scenario.clock("2026-03-04T11:10");
    scenario.acknowledge(appeal, "cgw");

    assertThat(scenario.task(appeal, SupervisionProcess.TASK_SUPERVISE)).isNull();
    assertThat(scenario.supervisionInstance(appeal).getEndActivityId()).isEqualTo(SupervisionProcess.END_CORRECTED);
    assertThat(jdbc.sql("select count(*) from supervision_notice where appeal_id = ?").param(appeal.id())
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldNotSuperviseTheSameLateClockTwiceWhenARejectedReturnBringsTheAppealBack() {
    Appeal appeal = scenario.resolutionOverdue();
    scenario.returnToDispatch(appeal, "cgw", "应由属地街道处理。");
    scenario.rejectReturn(appeal, "路灯维护属市城管委职责。");

    // Back in handling on the same, overdue clock: its timer fires again at once, but no second supervision opens.
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    assertThat(scenario.instance(appeal)).hasPassed(AppealProcess.END_ALREADY_SUPERVISED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(appeal.trackingNumber())
        .processDefinitionKey(SupervisionProcess.PROCESS_ID).count()).isEqualTo(1);
  }

  static String mail(String address, Appeal appeal, String subjectWord) {
    return TestMail.about(address, appeal.trackingNumber(), subjectWord);
  }
}
