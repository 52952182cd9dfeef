package org.wenzheng.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 沟通: a handler asks the citizen for more information. The answer comes back to the handler's task; without one,
 * handling goes on after three working days. The resolution clock runs all along.
 */
@WenzhengProcessTest
class ConversationProcessTest {

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired CitizenConversation conversation;

  private Appeal handling() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw", "DIFFICULT", false);
    scenario.acknowledge(appeal, "cgw");
    return appeal;
  }

  private void ask(Appeal appeal, String question) {
    scenario.complete("cgw1", List.of("cgw"), appeal, AppealProcess.TASK_HANDLE, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "QUESTION", AppealProcess.VAR_QUESTION_TEXT, question));
  }

  private String conversationOnTheForm(Appeal appeal) {
    Task handle = scenario.task(appeal, AppealProcess.TASK_HANDLE);
    return (String) runtimeService.getVariable(handle.getExecutionId(), AppealProcess.VAR_CONVERSATION);
  }

  @Test
  void shouldBringTheCitizensAnswerBackToTheHandlerOnTheSameClock() {
    Appeal appeal = handling();
    var due = scenario.reload(appeal).resolutionDueAt();
    Scenario.clock("2026-03-04T11:00");
    ask(appeal, "请问路灯具体在哪根电线杆附近？电线杆上有编号吗？");

    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.GATEWAY_AWAIT_ANSWER);
    assertThat(scenario.task(appeal, AppealProcess.TASK_HANDLE)).isNull();
    String mail = TestMail.about(appeal.citizenEmail(), appeal.trackingNumber(), "了解情况");
    assertThat(mail).contains("请问路灯具体在哪根电线杆附近", "2026-03-09 11:00", "http://localhost:8080/c/");

    Scenario.clock("2026-03-04T15:00");
    conversation.answer(scenario.reload(appeal), "在双桥路与双桥子街路口往北第3根，编号SQ-0371。",
        CitizenConversation.Via.LINK);

    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.TASK_HANDLE)
        .hasPassed(AppealProcess.EVENT_CITIZEN_ANSWERED);
    assertThat(conversationOnTheForm(appeal)).contains("问：请问路灯具体在哪根电线杆附近", "诉求人答：在双桥路与双桥子街路口往北第3根");
    // The task starts afresh (no stale choice), and the deadline never moved.
    assertThat(runtimeService.getVariable(scenario.reload(appeal).processInstanceId(),
        AppealProcess.VAR_HANDLING_OUTCOME)).isNull();
    assertThat(scenario.reload(appeal).resolutionDueAt()).isEqualTo(due);
    assertThat(scenario.task(appeal, AppealProcess.TASK_HANDLE).getDueDate().toInstant()).isEqualTo(due.toInstant());
    assertThat(TestMail.about("cgw@units.wenzheng.local", appeal.trackingNumber(), "诉求人已答复询问"))
        .contains("编号SQ-0371");
    assertThat(scenario.events(appeal)).containsSubsequence("QUESTION_ASKED", "QUESTION_ANSWERED");
    // Nothing is open any more: a second answer is refused.
    assertThatThrownBy(() -> conversation.answer(scenario.reload(appeal), "再补充一句", CitizenConversation.Via.PAGE))
        .isInstanceOf(CitizenConversation.NothingToDo.class);
  }

  @Test
  void shouldGoOnWithoutAnAnswerAfterThreeWorkingDaysAndStillRecordALateOne() {
    Appeal appeal = handling();
    Scenario.clock("2026-03-04T11:00");
    ask(appeal, "请提供现场照片。");

    Scenario.clock("2026-03-09T10:59");
    assertThat(scenario.fireDueTimers(appeal)).doesNotContain(AppealProcess.TIMER_ANSWER_WINDOW);
    Scenario.clock("2026-03-09T11:00");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_ANSWER_WINDOW);
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.TASK_HANDLE);
    assertThat(conversationOnTheForm(appeal)).contains("诉求人未在 2026-03-09 11:00 前答复");

    Scenario.clock("2026-03-09T14:00");
    conversation.answer(scenario.reload(appeal), "照片已拍好，路灯仍不亮。", CitizenConversation.Via.PAGE);
    assertThat(conversationOnTheForm(appeal)).contains("照片已拍好，路灯仍不亮。（逾期答复）");
    assertThat(TestMail.about("cgw@units.wenzheng.local", appeal.trackingNumber(), "诉求人已答复询问"))
        .contains("办理已继续进行");
    assertThat(scenario.events(appeal)).containsSubsequence("QUESTION_ASKED", "QUESTION_UNANSWERED",
        "QUESTION_ANSWERED_LATE");
  }

  @Test
  void shouldLetTheClockRunOutWhileTheCitizenIsAsked() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    ask(appeal, "请问是哪一侧的路灯？");

    Scenario.clock("2026-03-05T10:01");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE);
    assertThat(scenario.reload(appeal).resolutionOverdue()).isTrue();
    assertThat(scenario.task(appeal, "Task_SuperviseAppeal")).isNotNull();
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.GATEWAY_AWAIT_ANSWER);
  }

  @Test
  void shouldRefuseAQuestionWithoutTextOrToACitizenWhoCannotBeReached() {
    Appeal appeal = handling();
    assertThatThrownBy(() -> ask(appeal, " "))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining(AppealProcess.VAR_QUESTION_TEXT);

    Appeal anonymous = scenario.submit("HOTLINE", null, null);
    scenario.review(anonymous, "cgw");
    scenario.acknowledge(anonymous, "cgw");
    assertThatThrownBy(() -> ask(anonymous, "请问具体位置？"))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("无法询问");
    assertThat(scenario.instance(anonymous)).isWaitingAt(AppealProcess.TASK_HANDLE);
  }
}
