package org.wenzheng.handling;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.HandlingOutcome;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;
import org.wenzheng.notification.Notifications;
import org.wenzheng.supervision.ExtensionRequests;

/**
 * {@code Task_HandleAppeal} 办理诉求. On complete: a reply (resolved, or explained), a return with its reason, an
 * extension request or a question to the citizen (the task then comes back), checked on the server and recorded with
 * the appeal. On create: the choice that brought the task back is cleared, so the form starts from the reply.
 */
@Component
class HandleAppealListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Deadlines deadlines;
  private final ExtensionRequests extensions;
  private final Notifications notifications;

  HandleAppealListener(AppealTasks tasks, AppealRepository appeals, AppealSteps steps, Deadlines deadlines,
      ExtensionRequests extensions,
      Notifications notifications) {
    this.notifications = notifications;
    this.deadlines = deadlines;
    this.extensions = extensions;
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Object previous = task.getVariable(AppealProcess.VAR_HANDLING_OUTCOME);
      if (HandlingOutcome.EXTENSION.name().equals(previous) || HandlingOutcome.QUESTION.name().equals(previous)) {
        task.removeVariable(AppealProcess.VAR_HANDLING_OUTCOME);
      }
      return;
    }
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, true);
    TaskInput input = new TaskInput(task);
    HandlingOutcome outcome = input.requireEnum(AppealProcess.VAR_HANDLING_OUTCOME, HandlingOutcome.class);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("outcome", outcome.name());
    detail.put("departmentCode", appeal.departmentCode());
    String reply = null;
    switch (outcome) {
      case RETURNED -> {
        if (!appeal.returnAllowed()) {
          throw new TaskInputRejectedException(AppealProcess.VAR_HANDLING_OUTCOME,
              "督查室已裁定本单位为主办单位（首接负责制），不能再退回，请牵头办理");
        }
        // The clock keeps running until the dispatch centre agrees to the return.
        detail.put("returnReason", input.requireText(AppealProcess.VAR_RETURN_REASON));
      }
      case EXTENSION -> {
        String reason = input.requireText(AppealProcess.VAR_EXTENSION_REASON);
        LocalDate until = input.requireDate(AppealProcess.VAR_EXTENSION_UNTIL);
        detail.put("extensionId", extensions.request(appeal, reason, until).id());
        // Versions of the model before 发起延期审批 (Task_StartExtensionApproval) was a step of its own: their
        // running appeals start the approval here, until a process owner migrates them.
        if (!AppealTasks.modelHas(task, AppealProcess.TASK_START_EXTENSION_APPROVAL)) {
          extensions.startApproval(appeal);
        }
        // The task comes back at once: handling goes on while the leaders and the supervision office decide.
        task.setVariable(AppealProcess.VAR_EXTENSION_STATUS, "延期申请已提交（至 " + until + "），待单位领导和督查室审批");
      }
      case QUESTION -> {
        String question = input.requireText(AppealProcess.VAR_QUESTION_TEXT);
        if (!notifications.canReachCitizen(appeal)) {
          throw new TaskInputRejectedException(AppealProcess.VAR_HANDLING_OUTCOME,
              "诉求人没有留下电话、邮箱或渠道账号，无法询问，请按现有情况办理");
        }
        detail.put("question", question);
        // Asking does not stop the clock: the resolution deadline runs on while the citizen answers.
      }
      default -> {
        reply = input.requireText(AppealProcess.VAR_REPLY_TEXT);
        task.setVariable(AppealProcess.VAR_HANDLING_OUTCOME_LABEL, outcome.label());
        detail.put("replyText", reply);
        deadlines.stop(appeal, ClockKind.RESOLUTION, "DONE");
        // Co-handling belongs to this round: a redo goes to the lead unit alone.
        task.removeVariable(AppealProcess.VAR_CO_UNITS);
      }
    }
    steps.handled(appeal, outcome, reply, detail);
  }
}
