package org.wenzheng.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RemindResponse} 催办签收: the unit is reminded before the response deadline. */
@Component
class RemindResponseDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final Deadlines deadlines;

  RemindResponseDelegate(AppealTasks tasks, Deadlines deadlines) {
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.remind(tasks.appealOf(execution), ClockKind.RESPONSE);
  }
}
