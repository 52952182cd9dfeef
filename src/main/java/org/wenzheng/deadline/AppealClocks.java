package org.wenzheng.deadline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/**
 * Read by the Appeal process's timers and task due dates, e.g. {@code ${appealClocks.due(execution, 'RESPONSE')}}.
 * The clock row is the one source of the instant, so a recalculated deadline is picked up when the engine re-evaluates
 * the timer.
 */
@Component("appealClocks")
public class AppealClocks {

  private final AppealTasks tasks;
  private final Deadlines deadlines;

  AppealClocks(AppealTasks tasks, Deadlines deadlines) {
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  public Date due(DelegateExecution execution, String kind) {
    return deadlines.due(tasks.appealOf(execution).id(), ClockKind.valueOf(kind));
  }

  public Date reminder(DelegateExecution execution, String kind) {
    return deadlines.reminder(tasks.appealOf(execution).id(), ClockKind.valueOf(kind));
  }
}
