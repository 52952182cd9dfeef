package org.wenzheng.returnvisit;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_StartRedo} 登记重办: an unsatisfied citizen's appeal goes back to the same unit, which is told by email
 * and sees the citizen's objection on its task.
 */
@Component
class StartRedoDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealSteps steps;
  private final Notifications notifications;

  StartRedoDelegate(AppealTasks tasks, AppealSteps steps, Notifications notifications) {
    this.tasks = tasks;
    this.steps = steps;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    int redoCount = steps.redone(appeal);
    execution.setVariable(AppealProcess.VAR_REDO_COUNT, redoCount);
    // The unit already acknowledged this appeal: the redo goes straight back to handling, on a new resolution clock.
    execution.setVariable(AppealProcess.VAR_ACKNOWLEDGE_NEEDED, false);
    // A redo caused by the unit may open an accountability case: the trigger table decides.
    execution.setVariable(AppealProcess.VAR_ACCOUNTABILITY_EVENT, "REDO");
    execution.setVariable(AppealProcess.VAR_ACCOUNTABLE_UNIT, appeal.departmentCode());
    execution.setVariable(AppealProcess.VAR_UNJUSTIFIED_RETURNS, 0);
    String objection = appeal.visitNote() == null ? "（回访未记录具体意见）" : appeal.visitNote();
    execution.setVariable(AppealProcess.VAR_PREVIOUS_ROUND_NOTE, "回访不满意，需重办。诉求人意见：" + objection);
    execution.removeVariables(List.of(AppealProcess.VAR_HANDLING_OUTCOME, AppealProcess.VAR_SATISFACTION,
        AppealProcess.VAR_VISIT_NOTE));
    notifications.toUnit(appeal, appeal.departmentCode(), NotificationKind.REDO, Map.of("objection", objection));
  }
}
