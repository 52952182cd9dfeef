package org.wenzheng.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * Every path of processes/appeal.bpmn on the real engine and database, driven as the demo users. The class must
 * cover at least 90% of the model (CoverageRules), or the build fails.
 */
@WenzhengProcessTest
class AppealProcessTest {

  @Autowired Scenario scenario;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired JdbcClient jdbc;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

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

  private List<String> instanceGrants(ProcessInstance pi) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(pi.getId()).list().stream().map(Authorization::getGroupId).toList();
  }

  @Test
  void shouldRefuseToStartAnAppealThatIntakeDidNotRegister() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AppealProcess.PROCESS_ID, "WZ0000000000000"))
        .hasMessageContaining("POST /api/appeals");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("WZ0000000000000").count())
        .isZero();
  }
  // ---------------------------------------------------------------------------------------------------------------
  // Deadlines: the policy (deadline-policy.dmn) on the working calendar, the reminders and the overdue marks.

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
