package org.wenzheng.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.accountability.AccountabilityProcess;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 退单 and 争议: the dispatch centre agrees to a return or sends the appeal back; a second return is a dispute the
 * supervision office settles with a lead unit that can no longer return it and, where useful, co-handling units.
 * Each return is counted against its unit as justified or not, and repeated unjustified returns are held to account.
 */
@WenzhengProcessTest
class ReturnsProcessTest {

  static final List<String> SUPERVISOR = List.of("supervision");

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  private void resolveDispute(Appeal appeal, String lead, List<String> coUnits, String note) {
    scenario.complete("supervisor", SUPERVISOR, appeal, AppealProcess.TASK_RESOLVE_DISPUTE, Map.of(
        AppealProcess.VAR_LEAD_UNIT, lead, AppealProcess.VAR_CO_UNITS, coUnits, AppealProcess.VAR_DISPUTE_NOTE, note));
  }

  private List<String> returns(Appeal appeal) {
    return jdbc.sql("select department_code || ' ' || decision || ' ' || justified from appeal_return "
        + "where appeal_id = ? order by id").param(appeal.id()).query(String.class).list();
  }

  @Test
  void shouldSendARejectedReturnBackToTheSameUnitOnTheSameClock() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Scenario.clock("2026-03-04T10:10");
    scenario.acknowledge(appeal, "cgw");
    Scenario.clock("2026-03-04T15:00");
    scenario.returnToDispatch(appeal, "cgw", "应由属地街道处理。");
    assertThat(scenario.task(appeal)).hasCandidateGroup("dispatch");

    // A rejection must say why: the unit will read it.
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal,
        AppealProcess.TASK_DECIDE_RETURN, Map.of(AppealProcess.VAR_RETURN_DECISION, "REJECT")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_RETURN_DECISION_NOTE);
    scenario.rejectReturn(appeal, "路灯维护属市城管委职责，请继续办理。");

    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).hasPassed(AppealProcess.TASK_REJECT_RETURN).isWaitingAt(AppealProcess.TASK_HANDLE);
    Task back = scenario.task(appeal);
    assertThat(back).hasCandidateGroup("cgw");
    // Straight back to handling, no new acknowledgement, and the clock that was running goes on running.
    assertThat(back.getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    Appeal rejected = scenario.reload(appeal);
    assertThat(rejected.resolutionDueAt().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    assertThat(rejected.status()).isEqualTo(AppealStatus.HANDLING);
    assertThat(rejected.departmentCode()).isEqualTo("cgw");
    assertThat(runtimeService.getVariable(pi.getId(), AppealProcess.VAR_PREVIOUS_ROUND_NOTE))
        .isEqualTo("调度中心不同意退单：路灯维护属市城管委职责，请继续办理。");
    assertThat(returns(appeal)).containsExactly("cgw REJECTED false");
    assertThat(mail("cgw@units.wenzheng.local", appeal, "退单未获同意"))
        .contains("路灯维护属市城管委职责", "2026-03-05 10:00");
    // One unjustified return is not yet a pattern: the trigger table opens no case.
    assertThat(pi).hasPassed(AppealProcess.END_NO_ACCOUNTABILITY);
    assertThat(pi).calledProcessInstance(AccountabilityProcess.PROCESS_ID).isNull();

    Scenario.clock("2026-03-04T16:00");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已修复。");
    assertThat(pi).isWaitingAt(AppealProcess.GATEWAY_AWAIT_RATING);
    assertThat(scenario.reload(appeal).resolutionOverdue()).isFalse();
  }

  @Test
  void shouldSettleASecondReturnAsADisputeWithALeadAndCoHandlingUnits() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "gaj");
    scenario.acknowledge(appeal, "gaj");
    scenario.returnToDispatch(appeal, "gaj", "路灯维护不属于公安职责。");
    scenario.agreeReturn(appeal);
    scenario.review(appeal, "chqsqz");
    scenario.acknowledge(appeal, "chqsqz");
    scenario.returnToDispatch(appeal, "chqsqz", "该路段路灯由市城管委统一维护。");

    // The second return goes to the supervision office, not back to the dispatch centre.
    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).isWaitingAt(AppealProcess.TASK_RESOLVE_DISPUTE);
    Task dispute = scenario.task(appeal);
    assertThat(dispute).hasCandidateGroup("supervision");
    assertThat((String) runtimeService.getVariable(pi.getId(), AppealProcess.VAR_RETURN_HISTORY))
        .contains("市公安局 退回：路灯维护不属于公安职责。（调度中心同意退单）")
        .contains("成华区双桥子街道 退回：该路段路灯由市城管委统一维护。");
    // The dispatch centre cannot settle a dispute, and a lead cannot also be a co-handler.
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal,
        AppealProcess.TASK_RESOLVE_DISPUTE, Map.of(AppealProcess.VAR_LEAD_UNIT, "cgw",
            AppealProcess.VAR_DISPUTE_NOTE, "x"))).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> resolveDispute(appeal, "cgw", List.of("cgw"), "x"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_CO_UNITS);
    assertThatThrownBy(() -> resolveDispute(appeal, "nosuchunit", List.of(), "x"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_LEAD_UNIT);

    resolveDispute(appeal, "cgw", List.of("chqsqz", "gaj"), "市政道路路灯由市城管委主办，街道协助排查，公安协助夜间安全巡查。");

    assertThat(returns(appeal)).containsExactly("gaj AGREED true", "chqsqz DISPUTE true");
    Appeal ruled = scenario.reload(appeal);
    assertThat(ruled.departmentCode()).isEqualTo("cgw");
    assertThat(ruled.returnAllowed()).isFalse();
    assertThat(mail("cgw@units.wenzheng.local", appeal, "争议裁定")).contains("主办", "成华区双桥子街道、市公安局");
    assertThat(mail("gaj@units.wenzheng.local", appeal, "争议裁定")).contains("协办");

    scenario.acknowledge(appeal, "cgw");
    // Each co-handler has its own task with the same deadline as the lead; the lead waits for their parts.
    List<Task> coTasks = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(AppealProcess.TASK_CO_HANDLE).list();
    assertThat(coTasks).hasSize(2);
    assertThat(coTasks).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(ruledDue(appeal)));
    coHandle(pi, "gaj", "已安排派出所夜间巡查该路段。");
    coHandle(pi, "chqsqz", "街道已排查，共 6 盏路灯不亮。");

    Task lead = scenario.task(appeal);
    assertThat(lead.getTaskDefinitionKey()).isEqualTo(AppealProcess.TASK_HANDLE);
    assertThat(lead).hasCandidateGroup("cgw");
    assertThat((String) runtimeService.getVariable(pi.getId(), AppealProcess.VAR_CO_HANDLING_PARTS))
        .contains("市公安局：已安排派出所夜间巡查该路段。").contains("成华区双桥子街道：街道已排查，共 6 盏路灯不亮。");
    // 首接负责制: the lead unit can no longer return it.
    assertThatThrownBy(() -> scenario.returnToDispatch(appeal, "cgw", "还是不归我们管。"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("首接负责制");
    scenario.reply(appeal, "cgw", "RESOLVED", "6 盏路灯已全部修复，公安已加强夜间巡查。");
    assertThat(pi).isWaitingAt(AppealProcess.GATEWAY_AWAIT_RATING);
    assertThat(scenario.events(appeal)).containsSubsequence("RETURNED", "RETURN_AGREED", "RETURNED", "DISPUTE_RULED",
        "CO_HANDLED", "CO_HANDLED", "HANDLED");
    // The lead had not returned it: neither the ruling nor anything before it makes this an accountability case.
    assertThat(pi).calledProcessInstance(AccountabilityProcess.PROCESS_ID).isNull();
  }

  @Test
  void shouldHoldAUnitAccountableWhenItReturnsTheSameAppealAgainAfterARejection() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.returnToDispatch(appeal, "cgw", "应由属地街道处理。");
    scenario.rejectReturn(appeal, "路灯维护属市城管委职责。");
    scenario.returnToDispatch(appeal, "cgw", "仍认为应由街道处理。");

    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).isWaitingAt(AppealProcess.TASK_RESOLVE_DISPUTE);
    resolveDispute(appeal, "cgw", List.of(), "市政道路路灯维护属市城管委职责，不得推诿。");

    // Both of its returns turned out unjustified: that is 推诿, and the trigger table opens a case against it.
    assertThat(returns(appeal)).containsExactly("cgw REJECTED false", "cgw DISPUTE false");
    Task explain = scenario.task(appeal, AccountabilityProcess.TASK_EXPLAIN);
    assertThat(explain).isNotNull().hasCandidateGroup("cgwleaders");
    assertThat(jdbc.sql("select department_code || ' ' || trigger || ' ' || trigger_reason from accountability_case "
            + "where appeal_id = ?").param(appeal.id()).query(String.class).single())
        .isEqualTo("cgw DISPUTE_RULED 同一诉求多次不当退单");
    // The appeal goes on to the lead meanwhile, without a co-handling step.
    scenario.acknowledge(appeal, "cgw");
    assertThat(scenario.task(appeal).getTaskDefinitionKey()).isEqualTo(AppealProcess.TASK_HANDLE);

    scenario.settleAccountability(appeal, "cgw", "PUBLIC_CRITICISM", 0);
    assertThat(jdbc.sql("select ruling from accountability_case where appeal_id = ?").param(appeal.id())
        .query(String.class).single()).isEqualTo("PUBLIC_CRITICISM");
  }

  @Test
  void shouldHoldTheUnitAccountableForARedoOnlyWhenItCausedIt() {
    Appeal unitsFault = scenario.submit();
    Appeal notUnitsFault = scenario.submit();
    for (Appeal appeal : List.of(unitsFault, notUnitsFault)) {
      scenario.review(appeal, "zjj");
      scenario.acknowledge(appeal, "zjj");
      scenario.reply(appeal, "zjj", "RESOLVED", "已督促物业维修电梯。");
    }
    scenario.ratingWindowCloses(unitsFault);
    // Unsatisfied needs the citizen's objection and whether the unit caused it.
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), unitsFault,
        Map.of(AppealProcess.VAR_SATISFACTION, "UNSATISFIED", AppealProcess.VAR_VISIT_NOTE, "电梯还是坏的")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_UNSATISFIED_CAUSE);
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), unitsFault,
        Map.of(AppealProcess.VAR_SATISFACTION, "UNSATISFIED", AppealProcess.VAR_UNSATISFIED_CAUSE, "UNIT")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_VISIT_NOTE);

    scenario.visitUnsatisfied(unitsFault, "UNIT", "电梯还是坏的，物业说没接到通知。");
    scenario.visitUnsatisfied(notUnitsFault, "OTHER", "要求开发商赔偿十万元，超出受理范围。");

    assertThat(scenario.instance(unitsFault)).isWaitingAt(AppealProcess.TASK_HANDLE)
        .calledProcessInstance(AccountabilityProcess.PROCESS_ID).isNotNull();
    assertThat(scenario.task(unitsFault, AccountabilityProcess.TASK_EXPLAIN)).hasCandidateGroup("zjjleaders");
    assertThat(scenario.instance(notUnitsFault)).isWaitingAt(AppealProcess.TASK_HANDLE)
        .hasPassed(AppealProcess.END_NO_ACCOUNTABILITY);
    assertThat(scenario.task(notUnitsFault, AccountabilityProcess.TASK_EXPLAIN)).isNull();
  }

  private java.util.Date ruledDue(Appeal appeal) {
    return java.util.Date.from(scenario.reload(appeal).resolutionDueAt().toInstant());
  }

  private void coHandle(ProcessInstance pi, String unit, String part) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(AppealProcess.TASK_CO_HANDLE).taskCandidateGroup(unit).singleResult();
    // Another co-handler cannot submit this unit's part.
    String other = "gaj".equals(unit) ? "chqsqz" : "gaj";
    assertThatThrownBy(() -> scenario.as(other + "1", List.of(other), () -> {
      taskService.complete(task.getId(), Map.of(AppealProcess.VAR_CO_HANDLING_PART, "越权"));
      return null;
    })).isInstanceOf(AuthorizationException.class);
    scenario.as(unit + "1", List.of(unit), () -> {
      taskService.complete(task.getId(), Map.of(AppealProcess.VAR_CO_HANDLING_PART, part));
      return null;
    });
  }

  static String mail(String address, Appeal appeal, String subjectWord) {
    return TestMail.about(address, appeal.trackingNumber(), subjectWord);
  }
}
