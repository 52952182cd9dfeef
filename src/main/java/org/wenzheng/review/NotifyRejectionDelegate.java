package org.wenzheng.review;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/** {@code Task_NotifyRejection} 告知不予受理: the citizen is told that, and why, the appeal is not accepted. */
@Component
class NotifyRejectionDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Notifications notifications;

  NotifyRejectionDelegate(AppealTasks tasks, AppealRepository appeals, AppealSteps steps,
      Notifications notifications) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    notifications.toCitizen(appeal, NotificationKind.REJECTION, Map.of(
        "rejectReasonLabel", appeal.rejectReason().label(),
        "rejectNote", appeal.rejectNote()));
    // Duplicates merged into an appeal that, returned and reviewed again, is now rejected share that outcome.
    for (Appeal merged : appeals.mergedInto(appeal.id())) {
      steps.rejectedWith(merged, appeal);
      notifications.toCitizen(appeals.get(merged.id()), NotificationKind.REJECTION, Map.of(
          "rejectReasonLabel", appeal.rejectReason().label(), "rejectNote", appeal.rejectNote()));
    }
  }
}
