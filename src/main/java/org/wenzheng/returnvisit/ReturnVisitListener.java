package org.wenzheng.returnvisit;

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
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.appeal.UnsatisfiedCause;

/**
 * {@code Task_ReturnVisit} 回访, on complete: the citizen's rating, checked and recorded; an unsatisfied rating needs
 * the citizen's objection and whether the unit caused it.
 */
@Component
class ReturnVisitListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final IdentityService identityService;

  ReturnVisitListener(AppealTasks tasks, AppealRepository appeals, AppealJournal journal,
      IdentityService identityService) {
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
    Satisfaction satisfaction = input.requireEnum(AppealProcess.VAR_SATISFACTION, Satisfaction.class);
    String note = input.optionalText(AppealProcess.VAR_VISIT_NOTE);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("satisfaction", satisfaction.name());
    if (satisfaction == Satisfaction.UNSATISFIED) {
      // Whether the unit caused it decides whether a redo may lead to accountability; the reason must be on record.
      UnsatisfiedCause cause = input.requireEnum(AppealProcess.VAR_UNSATISFIED_CAUSE, UnsatisfiedCause.class);
      detail.put("unsatisfiedCause", cause.name());
      note = input.requireText(AppealProcess.VAR_VISIT_NOTE);
    } else {
      task.removeVariable(AppealProcess.VAR_UNSATISFIED_CAUSE);
    }
    appeals.recordVisit(appeal.id(), satisfaction, note, "DISPATCH");
    if (note != null) {
      detail.put("visitNote", note);
    }
    journal.record(appeal.id(), JournalEvent.VISITED, Actor.current(identityService), detail);
  }
}
