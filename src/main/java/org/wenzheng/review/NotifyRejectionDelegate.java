package org.wenzheng.review;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/** {@code Task_NotifyRejection} 告知不予受理: the citizen is told that, and why, the appeal is not accepted. */
@Component
class NotifyRejectionDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final Notifications notifications;

  NotifyRejectionDelegate(AppealTasks tasks, Notifications notifications) {
    this.tasks = tasks;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    notifications.toCitizen(appeal, NotificationKind.REJECTION, Map.of(
        "rejectReasonLabel", appeal.rejectReason().label(),
        "rejectNote", appeal.rejectNote()));
  }
}
