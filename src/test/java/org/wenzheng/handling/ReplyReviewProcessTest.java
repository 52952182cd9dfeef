package org.wenzheng.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.supervision.SupervisionProcess;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 答复审核: no reply reaches a citizen before the dispatch centre read it beside the appeal it answers. A reply sent
 * back goes to the same unit on the clock it answered on.
 */
@WenzhengProcessTest
class ReplyReviewProcessTest {

  static final List<String> DISPATCH = List.of("dispatch");

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;

  private Appeal handling(String unit) {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, unit);
    scenario.acknowledge(appeal, unit);
    return appeal;
  }

  private Map<String, Object> formOf(Appeal appeal) {
    Task review = scenario.task(appeal, AppealProcess.TASK_REVIEW_REPLY);
    return runtimeService.getVariables(review.getExecutionId());
  }

  @Test
  void shouldSendEachReplyOnlyAfterReviewAndOnlyToItsOwnCitizen() {
    Appeal lamp = handling("cgw");
    Appeal manhole = handling("cgw");
    scenario.submitReply(lamp, "cgw", "RESOLVED", "路灯答复：双桥路路灯已更换灯泡。");
    scenario.submitReply(manhole, "cgw", "RESOLVED", "井盖答复：缺失的井盖已补装。");

    // Two replies wait side by side; each review task shows its own appeal with its own reply.
    assertThat(scenario.reload(lamp).status()).isEqualTo(AppealStatus.REPLY_REVIEW);
    assertThat(scenario.task(lamp, AppealProcess.TASK_REVIEW_REPLY)).hasCandidateGroup("dispatch");
    assertThat(formOf(lamp)).containsEntry(AppealProcess.VAR_TRACKING_NUMBER, lamp.trackingNumber())
        .containsEntry(AppealProcess.VAR_REPLY_TEXT, "路灯答复：双桥路路灯已更换灯泡。")
        .containsEntry(AppealProcess.VAR_HANDLING_OUTCOME_LABEL, "已解决");
    assertThat(formOf(manhole)).containsEntry(AppealProcess.VAR_REPLY_TEXT, "井盖答复：缺失的井盖已补装。");
    assertThat(TestMail.to(lamp.citizenEmail())).isEmpty();
    // A unit cannot approve its own reply.
    assertThatThrownBy(() -> scenario.complete("cgw1", List.of("cgw"), lamp, AppealProcess.TASK_REVIEW_REPLY,
        Map.of(AppealProcess.VAR_REPLY_REVIEW_DECISION, "APPROVE"))).isInstanceOf(AuthorizationException.class);

    scenario.approveReply(manhole);
    scenario.approveReply(lamp);

    String lampMail = TestMail.about(lamp.citizenEmail(), lamp.trackingNumber(), "已有答复");
    assertThat(lampMail).contains("路灯答复", lamp.trackingNumber()).doesNotContain("井盖", manhole.trackingNumber());
    String manholeMail = TestMail.about(manhole.citizenEmail(), manhole.trackingNumber(), "已有答复");
    assertThat(manholeMail).contains("井盖答复").doesNotContain("路灯答复", lamp.trackingNumber());
    assertThat(TestMail.to(lamp.citizenEmail())).hasSize(1);
    assertThat(scenario.events(lamp)).containsSubsequence("HANDLED", "REPLY_APPROVED", "REPLIED");
  }

  @Test
  void shouldSendAReplyBackToTheUnitOnTheClockItAnsweredOn() {
    Appeal appeal = handling("cgw");
    Scenario.clock("2026-03-04T15:00");
    scenario.submitReply(appeal, "cgw", "RESOLVED", "已处理。");
    assertThatThrownBy(() -> scenario.complete("dispatcher", DISPATCH, appeal, AppealProcess.TASK_REVIEW_REPLY,
        Map.of(AppealProcess.VAR_REPLY_REVIEW_DECISION, "SEND_BACK")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_REPLY_REVIEW_NOTE);
    scenario.complete("dispatcher", DISPATCH, appeal, AppealProcess.TASK_REVIEW_REPLY, Map.of(
        AppealProcess.VAR_REPLY_REVIEW_DECISION, "SEND_BACK",
        AppealProcess.VAR_REPLY_REVIEW_NOTE, "答复过于简单，请写明修复时间和采取的措施。"));

    assertThat(scenario.instance(appeal)).hasPassed(AppealProcess.TASK_SEND_BACK_REPLY)
        .isWaitingAt(AppealProcess.TASK_HANDLE);
    Task again = scenario.task(appeal, AppealProcess.TASK_HANDLE);
    assertThat(again).hasCandidateGroup("cgw");
    assertThat(again.getDueDate().toInstant()).isEqualTo(Scenario.at("2026-03-05T10:00"));
    assertThat(runtimeService.getVariable(again.getExecutionId(), AppealProcess.VAR_PREVIOUS_ROUND_NOTE))
        .asString().contains("答复过于简单");
    // The handler revises the text they wrote.
    assertThat(runtimeService.getVariable(again.getExecutionId(), AppealProcess.VAR_REPLY_TEXT)).isEqualTo("已处理。");
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.HANDLING);
    assertThat(TestMail.about("cgw@units.wenzheng.local", appeal.trackingNumber(), "答复被退回"))
        .contains("答复过于简单", "2026-03-05 10:00");
    assertThat(TestMail.to(appeal.citizenEmail())).isEmpty();

    // The clock runs again: missing the deadline now is late, and goes to supervision like any other.
    Scenario.clock("2026-03-05T10:01");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    assertThat(scenario.task(appeal, SupervisionProcess.TASK_SUPERVISE)).isNotNull();
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已于3月5日更换灯杆线路并恢复照明，今后纳入每周巡查。");
    assertThat(scenario.reload(appeal).resolutionOverdue()).isTrue();
    assertThat(TestMail.about(appeal.citizenEmail(), appeal.trackingNumber(), "已有答复"))
        .contains("更换灯杆线路").doesNotContain("已处理。");
  }
}
