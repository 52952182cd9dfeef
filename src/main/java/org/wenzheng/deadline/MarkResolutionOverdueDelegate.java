package org.wenzheng.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;

/**
 * {@code Task_MarkResolutionOverdue} 登记办结超期: the resolution deadline has passed; the appeal is marked overdue and the
 * unit told. The process then signals the escalation.
 */
@Component
class MarkResolutionOverdueDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final Deadlines deadlines;

  MarkResolutionOverdueDelegate(AppealTasks tasks, Deadlines deadlines) {
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Read by the gateway after this task: only the first mark of a clock goes to supervision.
    execution.setVariableLocal(AppealProcess.VAR_OVERDUE_IS_NEW,
        deadlines.markOverdue(tasks.appealOf(execution), ClockKind.RESOLUTION));
  }
}
