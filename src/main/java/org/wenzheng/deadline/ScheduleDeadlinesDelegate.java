package org.wenzheng.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.calendar.EngineClock;

/**
 * {@code Task_ScheduleDeadlines} 设定办理时限: turns the policy the two decision tasks found (responsePolicy,
 * resolutionPolicy) into due instants on the working calendar. No response clock for a redo.
 */
@Component
class ScheduleDeadlinesDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final Deadlines deadlines;

  ScheduleDeadlinesDelegate(AppealTasks tasks, Deadlines deadlines) {
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    boolean acknowledge = Boolean.TRUE.equals(execution.getVariable(AppealProcess.VAR_ACKNOWLEDGE_NEEDED));
    DeadlinePolicy response = acknowledge ? DeadlinePolicy.fromDecision(
        execution.getVariable(AppealProcess.VAR_RESPONSE_POLICY), "responseDuration", "responseBasis") : null;
    DeadlinePolicy resolution = DeadlinePolicy.fromDecision(
        execution.getVariable(AppealProcess.VAR_RESOLUTION_POLICY), "resolutionDuration", "resolutionBasis");
    Deadlines.Scheduled scheduled = deadlines.start(appeal, response, resolution);
    if (scheduled.responseDue() != null) {
      execution.setVariable(AppealProcess.VAR_RESPONSE_DUE_AT, EngineClock.SHOWN.format(scheduled.responseDue()));
    }
    execution.setVariable(AppealProcess.VAR_RESOLUTION_DUE_AT, EngineClock.SHOWN.format(scheduled.resolutionDue()));
  }
}
