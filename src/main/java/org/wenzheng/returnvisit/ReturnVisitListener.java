package org.wenzheng.returnvisit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
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
  private final AppealSteps steps;

  ReturnVisitListener(AppealTasks tasks, AppealSteps steps) {
    this.tasks = tasks;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, true);
    TaskInput input = new TaskInput(task);
    Satisfaction satisfaction = input.requireEnum(AppealProcess.VAR_SATISFACTION, Satisfaction.class);
    String note = input.optionalText(AppealProcess.VAR_VISIT_NOTE);
    UnsatisfiedCause cause = null;
    if (satisfaction == Satisfaction.UNSATISFIED) {
      // Whether the unit caused it decides whether a redo may lead to accountability; the reason must be on record.
      cause = input.requireEnum(AppealProcess.VAR_UNSATISFIED_CAUSE, UnsatisfiedCause.class);
      note = input.requireText(AppealProcess.VAR_VISIT_NOTE);
    } else {
      task.removeVariable(AppealProcess.VAR_UNSATISFIED_CAUSE);
    }
    steps.visited(appeal, satisfaction, cause, note);
  }
}
