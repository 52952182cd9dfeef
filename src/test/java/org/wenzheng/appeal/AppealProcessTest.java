package org.wenzheng.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * The paths of processes/appeal.bpmn from intake to archive on the real engine and database, driven as the demo
 * users: resolved and concluded, the reply to its own citizen, rejected, returned and re-routed, redone, unreachable.
 * Refused input is in TaskInputProcessTest, the clocks in DeadlinesProcessTest; the models' coverage is checked over
 * all process tests together (CoverageRules).
 */
@WenzhengProcessTest
class AppealProcessTest {

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired JdbcClient jdbc;
  @Autowired AuthorizationService authorizationService;

  @Test
  void shouldWaitForReviewByDispatchCentreWhenAppealIsReceived() {
    Appeal appeal = scenario.submit();

    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).isWaitingAt(AppealProcess.TASK_REVIEW);
    assertThat(pi.getBusinessKey()).isEqualTo(appeal.trackingNumber());
    assertThat(scenario.task(appeal)).hasCandidateGroup("dispatch");
    assertThat(appeal.status()).isEqualTo(AppealStatus.PENDING_REVIEW);
    assertThat(appeal.processInstanceId()).isEqualTo(pi.getId());
    // The review form offers the directory's units.
    Object options = formService.getTaskFormVariables(scenario.task(appeal).getId())
        .get(AppealProcess.VAR_DEPARTMENT_OPTIONS);
    assertThat(String.valueOf(options)).contains("\"value\":\"cgw\"").contains("市城管委");
  }

  @Test
  void shouldConcludeAndArchiveResolvedAppealWhenCitizenIsSatisfied() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");

    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).isWaitingAt(AppealProcess.TASK_ACKNOWLEDGE);
    assertThat(scenario.task(appeal)).hasCandidateGroup("cgw");
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.DISPATCHED);
    assertThat(instanceGrants(pi)).containsExactly("cgw");

    scenario.acknowledge(appeal, "cgw");
    assertThat(pi).isWaitingAt(AppealProcess.TASK_HANDLE);
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.HANDLING);
    assertThat(scenario.reload(appeal).acknowledgedAt()).isNotNull();

    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已于今日修复。");
    assertThat(pi).hasPassed(AppealProcess.TASK_REVIEW_REPLY, AppealProcess.TASK_SEND_REPLY)
        .isWaitingAt(AppealProcess.GATEWAY_AWAIT_RATING);
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.REPLIED);

    scenario.visit(appeal, "SATISFIED");
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.CONCLUDED);
    assertThat(pi).isWaitingAt(AppealProcess.TASK_ARCHIVE);
    scenario.runJobs(appeal);

    assertThat(pi).isEnded().hasPassed(AppealProcess.END_ARCHIVED);
    assertThat(instanceGrants(pi)).isEmpty();
    Appeal done = scenario.reload(appeal);
    assertThat(done.status()).isEqualTo(AppealStatus.ARCHIVED);
    assertThat(done.conclusion()).isEqualTo(Conclusion.RESOLVED);
    assertThat(done.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(done.replyText()).isEqualTo("路灯已于今日修复。");
    assertThat(List.of(done.receivedAt(), done.reviewedAt(), done.dispatchedAt(), done.acknowledgedAt(),
        done.repliedAt(), done.visitedAt(), done.concludedAt(), done.archivedAt())).doesNotContainNull();
    assertThat(scenario.events(appeal)).containsSubsequence("RECEIVED", "REVIEWED", "DISPATCHED", "ACKNOWLEDGED",
        "HANDLED", "REPLIED", "VISITED", "CONCLUDED", "ARCHIVED");
  }

  @Test
  void shouldEmailTheReplyToTheCitizenOfThisAppealOnly() {
    Appeal mine = scenario.submit();
    Appeal other = scenario.submit();
    for (Appeal a : List.of(mine, other)) {
      scenario.review(a, "cgw");
      scenario.acknowledge(a, "cgw");
    }
    scenario.reply(other, "cgw", "RESOLVED", "另一件诉求的答复：井盖已更换。");
    scenario.reply(mine, "cgw", "EXPLAINED", "本件答复：该路段正在改造，路灯将于下月随工程一并恢复。");

    await().atMost(Duration.ofSeconds(20)).until(() -> !TestMail.to(mine.citizenEmail()).isEmpty());
    List<MimeMessage> received = TestMail.to(mine.citizenEmail());
    assertThat(received).hasSize(1);
    String body = TestMail.body(received.get(0));
    assertThat(body).contains("本件答复：该路段正在改造").contains(mine.trackingNumber()).contains("市城管委")
        .doesNotContain("井盖").doesNotContain(other.trackingNumber());
    assertThat(scenario.reload(mine).handlingOutcome()).isEqualTo(HandlingOutcome.EXPLAINED);
  }

  @Test
  void shouldRejectAppealAndTellTheCitizenWhy() {
    Appeal appeal = scenario.submit();
    ProcessInstance pi = scenario.instance(appeal);
    scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of(
        AppealProcess.VAR_REVIEW_DECISION, "REJECT",
        AppealProcess.VAR_REJECT_REASON, "OUT_OF_SCOPE",
        AppealProcess.VAR_REJECT_NOTE, "本事项属于法院审理范围，请向成华区人民法院咨询。"));

    assertThat(pi).isEnded().hasPassed(AppealProcess.TASK_NOTIFY_REJECTION, AppealProcess.END_REJECTED)
        .hasNotPassed(AppealProcess.TASK_DISPATCH);
    Appeal rejected = scenario.reload(appeal);
    assertThat(rejected.status()).isEqualTo(AppealStatus.REJECTED);
    assertThat(rejected.rejectReason()).isEqualTo(RejectReason.OUT_OF_SCOPE);
    await().atMost(Duration.ofSeconds(20)).until(() -> !TestMail.to(appeal.citizenEmail()).isEmpty());
    assertThat(TestMail.body(TestMail.to(appeal.citizenEmail()).get(0)))
        .contains("未予受理").contains("不属于受理范围").contains("成华区人民法院");
  }

  @Test
  void shouldSendReturnedAppealBackToReviewAndCountTheReturnAgainstTheUnit() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "gaj");
    scenario.acknowledge(appeal, "gaj");
    scenario.returnToDispatch(appeal, "gaj", "路灯维护属市城管委职责，建议转市城管委。");

    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).hasPassed(AppealProcess.TASK_RECORD_RETURN).isWaitingAt(AppealProcess.TASK_DECIDE_RETURN);
    assertThat(scenario.task(appeal)).hasCandidateGroup("dispatch");
    scenario.agreeReturn(appeal);
    assertThat(pi).hasPassed(AppealProcess.TASK_ACCEPT_RETURN).isWaitingAt(AppealProcess.TASK_REVIEW);
    Appeal returned = scenario.reload(appeal);
    assertThat(returned.status()).isEqualTo(AppealStatus.RETURNED);
    assertThat(returned.returnsCount()).isEqualTo(1);
    assertThat(jdbc.sql("select department_code || ' ' || decision || ' ' || justified from appeal_return "
        + "where appeal_id = ?").param(appeal.id()).query(String.class).list()).containsExactly("gaj AGREED true");
    // The dispatcher sees why, and starts from a clean decision.
    assertThat(runtimeService.getVariable(pi.getId(), AppealProcess.VAR_PREVIOUS_ROUND_NOTE).toString())
        .contains("市公安局").contains("建议转市城管委");
    assertThat(runtimeService.getVariable(pi.getId(), AppealProcess.VAR_REVIEW_DECISION)).isNull();

    scenario.review(appeal, "cgw");
    assertThat(pi).isWaitingAt(AppealProcess.TASK_ACKNOWLEDGE);
    assertThat(scenario.task(appeal)).hasCandidateGroup("cgw");
    assertThat(scenario.reload(appeal).departmentCode()).isEqualTo("cgw");
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.DISPATCHED);
  }

  @Test
  void shouldRedoOnceWhenCitizenIsUnsatisfiedThenConcludeAsUnsatisfied() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "zjj");
    scenario.acknowledge(appeal, "zjj");
    scenario.reply(appeal, "zjj", "RESOLVED", "已督促物业维修电梯。");
    scenario.visitUnsatisfied(appeal, "UNIT", "电梯还是坏的");

    ProcessInstance pi = scenario.instance(appeal);
    assertThat(pi).hasPassed(AppealProcess.TASK_START_REDO).isWaitingAt(AppealProcess.TASK_HANDLE);
    assertThat(scenario.task(appeal)).hasCandidateGroup("zjj");
    Appeal redo = scenario.reload(appeal);
    assertThat(redo.redoCount()).isEqualTo(1);
    assertThat(redo.status()).isEqualTo(AppealStatus.HANDLING);
    assertThat(runtimeService.getVariable(pi.getId(), AppealProcess.VAR_PREVIOUS_ROUND_NOTE).toString())
        .contains("电梯还是坏的");

    scenario.reply(appeal, "zjj", "RESOLVED", "电梯已更换主板并通过检验。");
    scenario.visit(appeal, "UNSATISFIED");
    scenario.runJobs(appeal);

    // The appeal is archived; the redo opened an accountability case (accountability-triggers.dmn), which keeps
    // the instance open until it is ruled.
    assertThat(pi).hasPassed(AppealProcess.END_ARCHIVED).isNotEnded();
    assertThat(pi).calledProcessInstance("Accountability").isNotNull();
    scenario.settleAccountability(appeal, "zjj", "NO_FAULT", 0);
    assertThat(pi).isEnded();
    Appeal done = scenario.reload(appeal);
    assertThat(done.status()).isEqualTo(AppealStatus.ARCHIVED);
    assertThat(done.conclusion()).isEqualTo(Conclusion.UNSATISFIED);
    assertThat(done.redoCount()).isEqualTo(1);
    assertThat(done.replyText()).isEqualTo("电梯已更换主板并通过检验。");
  }

  @Test
  void shouldConcludeWithoutRatingWhenCitizenIsUnreachable() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "EXPLAINED", "该路灯属于小区内部设施，已告知物业负责维修。");
    scenario.visit(appeal, "UNREACHABLE");
    scenario.runJobs(appeal);

    assertThat(scenario.instance(appeal)).isNull();
    Appeal done = scenario.reload(appeal);
    assertThat(done.conclusion()).isEqualTo(Conclusion.EXPLAINED);
    assertThat(done.satisfaction()).isEqualTo(Satisfaction.UNREACHABLE);
    assertThat(done.redoCount()).isZero();
  }

  private List<String> instanceGrants(ProcessInstance pi) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(pi.getId()).list().stream().map(Authorization::getGroupId).toList();
  }
}
