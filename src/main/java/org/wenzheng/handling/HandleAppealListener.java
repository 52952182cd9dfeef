package org.wenzheng.handling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.HandlingOutcome;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;

/**
 * {@code Task_HandleAppeal} 办理诉求, on complete: a reply (resolved, or explained) or a return with its reason,
 * checked on the server and recorded with the appeal.
 */
@Component
class HandleAppealListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final IdentityService identityService;
  private final Deadlines deadlines;

  HandleAppealListener(AppealTasks tasks, AppealRepository appeals, AppealJournal journal,
      IdentityService identityService, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, true);
    TaskInput input = new TaskInput(task);
    HandlingOutcome outcome = input.requireEnum(AppealProcess.VAR_HANDLING_OUTCOME, HandlingOutcome.class);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("outcome", outcome.name());
    detail.put("departmentCode", appeal.departmentCode());
    if (outcome == HandlingOutcome.RETURNED) {
      detail.put("returnReason", input.requireText(AppealProcess.VAR_RETURN_REASON));
      deadlines.stop(appeal.id(), ClockKind.RESOLUTION, "RETURNED");
    } else {
      String reply = input.requireText(AppealProcess.VAR_REPLY_TEXT);
      appeals.recordHandled(appeal.id(), outcome, reply);
      detail.put("replyText", reply);
      deadlines.stop(appeal.id(), ClockKind.RESOLUTION, "DONE");
    }
    journal.record(appeal.id(), "HANDLED", Actor.current(identityService), detail);
  }
}
