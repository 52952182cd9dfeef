package org.wenzheng.handling;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_RejectReturn} 不同意退单: the return was not justified; the appeal goes back to the same unit, which goes
 * on handling it on the same clock. Whether this opens an accountability case is decided next, by the trigger table.
 */
@Component
class RejectReturnDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Deadlines deadlines;
  private final Notifications notifications;

  RejectReturnDelegate(AppealTasks tasks, AppealRepository appeals, AppealSteps steps, Deadlines deadlines,
      Notifications notifications) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    String note = (String) execution.getVariable(AppealProcess.VAR_RETURN_DECISION_NOTE);
    String unit = appeal.departmentCode();
    steps.returnRejected(appeal, note);
    String due = deadlines.runningDue(appeal.id(), ClockKind.RESOLUTION)
        .map(d -> org.wenzheng.calendar.EngineClock.SHOWN.format(d)).orElse("—");
    notifications.toUnit(appeal, unit, NotificationKind.RETURN_REJECTED, Map.of("note", note, "dueAt", due));
    execution.setVariable(AppealProcess.VAR_PREVIOUS_ROUND_NOTE, "调度中心不同意退单：" + note);
    execution.setVariable(AppealProcess.VAR_ACKNOWLEDGE_NEEDED, false);
    execution.setVariable(AppealProcess.VAR_ACCOUNTABILITY_EVENT, "RETURN_REJECTED");
    execution.setVariable(AppealProcess.VAR_ACCOUNTABLE_UNIT, unit);
    execution.setVariable(AppealProcess.VAR_UNJUSTIFIED_RETURNS, appeals.unjustifiedReturns(appeal.id(), unit));
    execution.removeVariables(List.of(AppealProcess.VAR_HANDLING_OUTCOME, AppealProcess.VAR_RETURN_REASON,
        AppealProcess.VAR_RETURN_DECISION));
  }
}
