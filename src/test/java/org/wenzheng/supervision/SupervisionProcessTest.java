package org.wenzheng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.accountability.AccountabilityProcess;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 督办 and 效能问责: a late unit is supervised with a notice and a new deadline; if it misses that too, an
 * accountability case is opened, explained (or not) by its leaders and ruled by the supervision office.
 */
@WenzhengProcessTest
class SupervisionProcessTest {

  static final List<String> SUPERVISOR = List.of("supervision");
  static final List<String> CGW_LEADER = List.of("cgw", "leaders", "cgwleaders");

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  /** An appeal for 市城管委, acknowledged at 10:10, whose resolution deadline (Thursday 10:00) has just passed. */
  private Appeal resolutionOverdue() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Scenario.clock("2026-03-04T10:10");
    scenario.acknowledge(appeal, "cgw");
    Scenario.clock("2026-03-05T10:01");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    return appeal;
  }

  private void supervise(Appeal appeal, String deadline) {
    scenario.complete("supervisor", SUPERVISOR, appeal, SupervisionProcess.TASK_SUPERVISE, Map.of(
        SupervisionProcess.VAR_MESSAGE, "请于期限内修复路灯并答复诉求人，逾期将问责。",
        SupervisionProcess.VAR_DEADLINE, deadline));
  }

  @Test
  void shouldSuperviseALateUnitAndCloseTheCaseWhenItAnswersWithinTheNewDeadline() {
    Appeal appeal = resolutionOverdue();
    Task superviseTask = scenario.task(appeal, SupervisionProcess.TASK_SUPERVISE);
    assertThat(superviseTask).isNotNull().hasCandidateGroup("supervision");

    supervise(appeal, "P1D");

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

    HistoricProcessInstance supervision = supervisionInstance(appeal);
    assertThat(supervision.getState()).isEqualTo("COMPLETED");
    assertThat(supervision.getEndActivityId()).isEqualTo(SupervisionProcess.END_MET);
    assertThat(noticeOutcome(appeal)).isEqualTo("MET");
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.GATEWAY_AWAIT_RATING);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NO_FAULT,0", "POINTS_DEDUCTED,5", "PUBLIC_CRITICISM,0", "INTERVIEW,0"})
  void shouldHoldAUnitAccountableWhenItMissesTheSupervisionDeadline(String ruling, int points) {
    Appeal appeal = resolutionOverdue();
    supervise(appeal, "PT4H");
    Scenario.clock("2026-03-05T15:02"); // 4 working hours after Thursday 10:01 was 15:31: not yet
    assertThat(scenario.fireDueTimers(appeal)).doesNotContain(SupervisionProcess.TIMER_DEADLINE);
    Scenario.clock("2026-03-05T15:32");
    assertThat(scenario.fireDueTimers(appeal)).contains(SupervisionProcess.TIMER_DEADLINE);
    assertThat(noticeOutcome(appeal)).isEqualTo("MISSED");

    Task explain = scenario.task(appeal, AccountabilityProcess.TASK_EXPLAIN);
    assertThat(explain).isNotNull().hasCandidateGroup("cgwleaders");
    // Two working days to explain: Friday and Monday.
    assertThat(explain.getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-09T15:32"));
    assertThat(mail("cgwlead@staff.wenzheng.local", appeal, "效能问责立案")).contains("督办期限内仍未落实");
    // The evidence on the leaders' form: the appeal's trace, step by step, people by their names, without the
    // citizen's personal data.
    assertThat((String) runtimeService.getVariable(explain.getExecutionId(), AccountabilityProcess.VAR_CASE_EVIDENCE))
        .contains("2026-03-04 10:00　转办　调度 员 → 市城管委", "签收　市城管委 经办人",
            "2026-03-05 10:01　超期（办结时限）　系统",
            "督办（办结时限）　督查 员 → 市城管委：请于期限内修复路灯", "时限调整（办结时限）　督查 员：至 2026-03-05 15:31",
            "督办未落实")
        .doesNotContain("dispatcher", "cgw1", "supervisor")
        .doesNotContain("13800001234", "李四");

    scenario.complete("cgwlead", CGW_LEADER, appeal, AccountabilityProcess.TASK_EXPLAIN,
        Map.of(AccountabilityProcess.VAR_EXPLANATION, "维修队伍调度不及时，已调整值班安排。"));
    scenario.complete("supervisor", SUPERVISOR, appeal, AccountabilityProcess.TASK_RULE, Map.of(
        AccountabilityProcess.VAR_RULING, ruling, AccountabilityProcess.VAR_POINTS, points,
        AccountabilityProcess.VAR_RULING_NOTE, "督办期限内未落实。"));

    assertThat(jdbc.sql("select ruling || ' ' || points || ' ' || explanation_missing || ' ' || explanation "
            + "from accountability_case where appeal_id = ?").param(appeal.id()).query(String.class).single())
        .isEqualTo(ruling + " " + points + " false 维修队伍调度不及时，已调整值班安排。");
    assertThat(mail("cgwlead@staff.wenzheng.local", appeal, "效能问责裁定")).contains("督办期限内未落实");
    assertThat(scenario.events(appeal)).contains("SUPERVISED", "SUPERVISION_MISSED", "ACCOUNTABILITY_OPENED",
        "ACCOUNTABILITY_EXPLAINED", "ACCOUNTABILITY_RULED");
    assertThat(supervisionInstance(appeal).getEndActivityId()).isEqualTo(SupervisionProcess.END_ACCOUNTABILITY);
  }

  @Test
  void shouldRuleWithoutTheExplanationWhenTheUnitDoesNotGiveOneInTime() {
    Appeal appeal = resolutionOverdue();
    supervise(appeal, "PT4H");
    Scenario.clock("2026-03-05T15:32");
    scenario.fireDueTimers(appeal);

    Scenario.clock("2026-03-06T15:33"); // halfway: one working day after Thursday 15:32
    assertThat(scenario.fireDueTimers(appeal)).contains(AccountabilityProcess.TIMER_EXPLANATION_REMINDER);
    assertThat(mail("cgwlead@staff.wenzheng.local", appeal, "催交书面说明")).contains("2026-03-09 15:32");
    Scenario.clock("2026-03-09T15:33");
    assertThat(scenario.fireDueTimers(appeal)).contains(AccountabilityProcess.TIMER_EXPLANATION_OVERDUE);

    assertThat(scenario.task(appeal, AccountabilityProcess.TASK_EXPLAIN)).isNull();
    Task rule = scenario.task(appeal, AccountabilityProcess.TASK_RULE);
    assertThat(runtimeService.getVariable(rule.getExecutionId(), AccountabilityProcess.VAR_EXPLANATION))
        .isEqualTo("（单位未在期限内提交书面说明）");
    scenario.complete("supervisor", SUPERVISOR, appeal, AccountabilityProcess.TASK_RULE, Map.of(
        AccountabilityProcess.VAR_RULING, "POINTS_DEDUCTED", AccountabilityProcess.VAR_POINTS, 3,
        AccountabilityProcess.VAR_RULING_NOTE, "未说明，扣分。"));
    assertThat(jdbc.sql("select explanation_missing from accountability_case where appeal_id = ?").param(appeal.id())
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void shouldNotLetAUnitRuleOnOrExplainItsOwnCaseUnlessItIsTheirLeader() {
    Appeal appeal = resolutionOverdue();
    supervise(appeal, "PT4H");
    Scenario.clock("2026-03-05T15:32");
    scenario.fireDueTimers(appeal);

    // The handler is not one of the unit's leaders; nobody in the unit may rule.
    assertThatThrownBy(() -> scenario.complete("cgw1", List.of("cgw"), appeal, AccountabilityProcess.TASK_EXPLAIN,
        Map.of(AccountabilityProcess.VAR_EXPLANATION, "不是我们的问题")))
        .isInstanceOf(AuthorizationException.class);
    scenario.complete("cgwlead", CGW_LEADER, appeal, AccountabilityProcess.TASK_EXPLAIN,
        Map.of(AccountabilityProcess.VAR_EXPLANATION, "已整改。"));
    Map<String, Object> lenient = Map.of(AccountabilityProcess.VAR_RULING, "NO_FAULT",
        AccountabilityProcess.VAR_RULING_NOTE, "无过错");
    assertThatThrownBy(() -> scenario.complete("cgw1", List.of("cgw"), appeal, AccountabilityProcess.TASK_RULE,
        lenient))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> scenario.complete("cgwlead", CGW_LEADER, appeal, AccountabilityProcess.TASK_RULE,
        lenient)).isInstanceOf(AuthorizationException.class);
    // A ruling the record cannot hold is refused: points only with a points deduction, and within the maximum.
    assertThatThrownBy(() -> scenario.complete("supervisor", SUPERVISOR, appeal, AccountabilityProcess.TASK_RULE,
        Map.of(AccountabilityProcess.VAR_RULING, "POINTS_DEDUCTED", AccountabilityProcess.VAR_POINTS, 50,
            AccountabilityProcess.VAR_RULING_NOTE, "扣分")))
        .hasMessageContaining("points");
    assertThatThrownBy(() -> scenario.complete("supervisor", SUPERVISOR, appeal, AccountabilityProcess.TASK_RULE,
        Map.of(AccountabilityProcess.VAR_RULING, "INTERVIEW", AccountabilityProcess.VAR_POINTS, 2,
            AccountabilityProcess.VAR_RULING_NOTE, "约谈")))
        .hasMessageContaining("points");
    assertThat(jdbc.sql("select ruling from accountability_case where appeal_id = ?").param(appeal.id())
        .query(String.class).optional()).isEmpty();
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
    assertThat(supervisionInstance(appeal).getEndActivityId()).isEqualTo(SupervisionProcess.END_CORRECTED);
    assertThat(jdbc.sql("select count(*) from supervision_notice where appeal_id = ?").param(appeal.id())
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldNotSuperviseTheSameLateClockTwiceWhenARejectedReturnBringsTheAppealBack() {
    Appeal appeal = resolutionOverdue();
    scenario.returnToDispatch(appeal, "cgw", "应由属地街道处理。");
    scenario.rejectReturn(appeal, "路灯维护属市城管委职责。");

    // Back in handling on the same, overdue clock: its timer fires again at once, but no second supervision opens.
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    assertThat(scenario.instance(appeal)).hasPassed(AppealProcess.END_ALREADY_SUPERVISED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(appeal.trackingNumber())
        .processDefinitionKey(SupervisionProcess.PROCESS_ID).count()).isEqualTo(1);
  }

  private HistoricProcessInstance supervisionInstance(Appeal appeal) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(appeal.trackingNumber())
        .processDefinitionKey(SupervisionProcess.PROCESS_ID).singleResult();
  }

  private String noticeOutcome(Appeal appeal) {
    return jdbc.sql("select outcome from supervision_notice where appeal_id = ?").param(appeal.id())
        .query(String.class).single();
  }

  static String mail(String address, Appeal appeal, String subjectWord) {
    return TestMail.about(address, appeal.trackingNumber(), subjectWord);
  }
}
