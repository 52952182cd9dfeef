package org.wenzheng.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.supervision.SupervisionProcess;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 效能问责 ({@code processes/accountability.bpmn}): a unit that misses its supervision deadline is held to account;
 * its leaders explain in writing (reminded halfway) or the case goes on without them, and the supervision office
 * rules. Who may explain and rule, and what a ruling may hold. (The other triggers, a rejected return, a dispute and a
 * redo caused by the unit, are in ReturnsProcessTest.)
 */
@WenzhengProcessTest
class AccountabilityProcessTest {

  static final List<String> SUPERVISOR = List.of("supervision");
  static final List<String> CGW_LEADER = List.of("cgw", "leaders", "cgwleaders");

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NO_FAULT,0", "POINTS_DEDUCTED,5", "PUBLIC_CRITICISM,0", "INTERVIEW,0"})
  void shouldHoldAUnitAccountableWhenItMissesTheSupervisionDeadline(String ruling, int points) {
    Appeal appeal = scenario.resolutionOverdue();
    scenario.supervise(appeal, "PT4H");
    Scenario.clock("2026-03-05T15:02"); // 4 working hours after Thursday 10:01 was 15:31: not yet
    assertThat(scenario.fireDueTimers(appeal)).doesNotContain(SupervisionProcess.TIMER_DEADLINE);
    Scenario.clock("2026-03-05T15:32");
    assertThat(scenario.fireDueTimers(appeal)).contains(SupervisionProcess.TIMER_DEADLINE);
    assertThat(scenario.noticeOutcome(appeal)).isEqualTo("MISSED");

    Task explain = scenario.task(appeal, AccountabilityProcess.TASK_EXPLAIN);
    assertThat(explain).isNotNull().hasCandidateGroup("cgwleaders");
    // Two working days to explain: Friday and Monday.
    assertThat(explain.getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-09T15:32"));
    assertThat(TestMail.about("cgwlead@staff.wenzheng.local", appeal.trackingNumber(), "效能问责立案")).contains("督办期限内仍未落实");
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
    assertThat(TestMail.about("cgwlead@staff.wenzheng.local", appeal.trackingNumber(), "效能问责裁定")).contains("督办期限内未落实");
    assertThat(scenario.events(appeal)).contains("SUPERVISED", "SUPERVISION_MISSED", "ACCOUNTABILITY_OPENED",
        "ACCOUNTABILITY_EXPLAINED", "ACCOUNTABILITY_RULED");
    assertThat(scenario.supervisionInstance(appeal).getEndActivityId()).isEqualTo(SupervisionProcess.END_ACCOUNTABILITY);
  }

  @Test
  void shouldRuleWithoutTheExplanationWhenTheUnitDoesNotGiveOneInTime() {
    Appeal appeal = scenario.resolutionOverdue();
    scenario.supervise(appeal, "PT4H");
    Scenario.clock("2026-03-05T15:32");
    scenario.fireDueTimers(appeal);

    Scenario.clock("2026-03-06T15:33"); // halfway: one working day after Thursday 15:32
    assertThat(scenario.fireDueTimers(appeal)).contains(AccountabilityProcess.TIMER_EXPLANATION_REMINDER);
    assertThat(TestMail.about("cgwlead@staff.wenzheng.local", appeal.trackingNumber(), "催交书面说明")).contains("2026-03-09 15:32");
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
    Appeal appeal = scenario.resolutionOverdue();
    scenario.supervise(appeal, "PT4H");
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
}
