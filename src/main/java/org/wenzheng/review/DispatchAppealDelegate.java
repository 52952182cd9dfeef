package org.wenzheng.review;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.identity.AppealAccess;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_DispatchAppeal} 转办诉求: the appeal goes to the chosen unit, which may now read it and is told by
 * email.
 */
@Component
class DispatchAppealDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealSteps steps;
  private final Notifications notifications;
  private final AppealAccess access;
  private final Calendars calendars;

  DispatchAppealDelegate(AppealTasks tasks, AppealSteps steps,
      Notifications notifications, AppealAccess access, Calendars calendars) {
    this.access = access;
    this.calendars = calendars;
    this.tasks = tasks;
    this.steps = steps;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    steps.dispatched(appeal);
    access.grantUnitRead(execution.getProcessInstanceId(), appeal.departmentCode());
    execution.setVariable(AppealProcess.VAR_ACKNOWLEDGE_NEEDED, true);
    execution.setVariable(AppealProcess.VAR_ARRIVED_IN_WORKING_TIME,
        calendars.current().isWorkingTime(EngineClock.now()));
    Map<String, Object> model = new HashMap<>();
    model.put("appealTypeLabel", appeal.appealType().label());
    model.put("complexityLabel", appeal.complexity().label());
    model.put("dispatchNote", appeal.dispatchNote());
    notifications.toUnit(appeal, appeal.departmentCode(), NotificationKind.DISPATCHED, model);
  }
}
