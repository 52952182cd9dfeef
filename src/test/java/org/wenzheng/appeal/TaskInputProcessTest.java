package org.wenzheng.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * What the Appeal process refuses, whoever asks: a completion without the values its task needs or with values no
 * form offers, a handler redirecting an appeal to another unit, and an instance that intake did not register. Nothing
 * moves when it is refused.
 */
@WenzhengProcessTest
class TaskInputProcessTest {

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;

  @Test
  void shouldRefuseAcceptWithoutDepartmentAndNotMove() {
    Appeal appeal = scenario.submit();
    Task before = scenario.task(appeal);

    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of(
        AppealProcess.VAR_REVIEW_DECISION, "ACCEPT",
        AppealProcess.VAR_APPEAL_TYPE, "COMPLAINT",
        AppealProcess.VAR_COMPLEXITY, "GENERAL")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("departmentCode");

    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.TASK_REVIEW);
    assertThat(scenario.task(appeal).getId()).isEqualTo(before.getId());
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.PENDING_REVIEW);
    assertThat(runtimeService.getVariable(scenario.instance(appeal).getId(), AppealProcess.VAR_REVIEW_DECISION))
        .isNull();
  }

  @Test
  void shouldRefuseUnknownValuesOnEveryTask() {
    Appeal appeal = scenario.submit();
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal,
        Map.of(AppealProcess.VAR_REVIEW_DECISION, "MAYBE")))
        .hasMessageContaining("reviewDecision").hasMessageContaining("ACCEPT | REJECT");
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of(
        AppealProcess.VAR_REVIEW_DECISION, "ACCEPT", AppealProcess.VAR_DEPARTMENT_CODE, "cgw",
        AppealProcess.VAR_APPEAL_TYPE, "GOSSIP", AppealProcess.VAR_COMPLEXITY, "GENERAL")))
        .hasMessageContaining("appealType");
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of(
        AppealProcess.VAR_REVIEW_DECISION, "ACCEPT", AppealProcess.VAR_DEPARTMENT_CODE, "nobody",
        AppealProcess.VAR_APPEAL_TYPE, "COMPLAINT", AppealProcess.VAR_COMPLEXITY, "GENERAL")))
        .hasMessageContaining("departmentCode");
    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of(
        AppealProcess.VAR_REVIEW_DECISION, "REJECT", AppealProcess.VAR_REJECT_REASON, "DUPLICATE")))
        .hasMessageContaining("rejectNote");

    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    assertThatThrownBy(() -> scenario.reply(appeal, "cgw", "DONE", "好了"))
        .hasMessageContaining("handlingOutcome");
    assertThatThrownBy(() -> scenario.reply(appeal, "cgw", "RESOLVED", "   "))
        .hasMessageContaining("replyText");
    assertThatThrownBy(() -> scenario.complete("cgw1", List.of("cgw"), appeal,
        Map.of(AppealProcess.VAR_HANDLING_OUTCOME, "RETURNED")))
        .hasMessageContaining("returnReason");
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.TASK_HANDLE);

    scenario.reply(appeal, "cgw", "RESOLVED", "已修复。");
    assertThatThrownBy(() -> scenario.visit(appeal, "HAPPY")).hasMessageContaining("satisfaction");
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.TASK_RETURN_VISIT);
  }

  @Test
  void shouldRefuseAHandlerRedirectingTheAppealToAnotherUnit() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");

    assertThatThrownBy(() -> scenario.complete("cgw1", List.of("cgw"), appeal, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "RESOLVED", AppealProcess.VAR_REPLY_TEXT, "已处理",
        AppealProcess.VAR_DEPARTMENT_CODE, "gaj")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("departmentCode");
    assertThatThrownBy(() -> scenario.complete("cgw1", List.of("cgw"), appeal, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "RESOLVED", AppealProcess.VAR_REPLY_TEXT, "已处理",
        AppealProcess.VAR_REDO_COUNT, 1)))
        .hasMessageContaining("redoCount");

    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.TASK_HANDLE);
    assertThat(runtimeService.getVariable(scenario.instance(appeal).getId(), AppealProcess.VAR_DEPARTMENT_CODE))
        .isEqualTo("cgw");
  }

  @Test
  void shouldRefuseToStartAnAppealThatIntakeDidNotRegister() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AppealProcess.PROCESS_ID, "WZ0000000000000"))
        .hasMessageContaining("POST /api/appeals");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("WZ0000000000000").count())
        .isZero();
  }
}
