package org.wenzheng.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RemindResolution} 催办办结: the unit is reminded before the resolution deadline. */
@Component
class RemindResolutionDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final Deadlines deadlines;

  RemindResolutionDelegate(AppealTasks tasks, Deadlines deadlines) {
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.remind(tasks.appealOf(execution), ClockKind.RESOLUTION);
  }
}
