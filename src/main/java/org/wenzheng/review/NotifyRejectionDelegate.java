package org.wenzheng.review;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/** {@code Task_NotifyRejection} 告知不予受理: the citizen is told that, and why, the appeal is not accepted. */
@Component
class NotifyRejectionDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final IdentityService identityService;

  NotifyRejectionDelegate(AppealTasks tasks, AppealRepository appeals, AppealJournal journal,
      Notifications notifications, IdentityService identityService) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.notifications = notifications;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    notifications.toCitizen(appeal, NotificationKind.REJECTION, Map.of(
        "rejectReasonLabel", appeal.rejectReason().label(),
        "rejectNote", appeal.rejectNote()));
    // Duplicates merged into an appeal that, returned and reviewed again, is now rejected share that outcome.
    for (Appeal merged : appeals.mergedInto(appeal.id())) {
      appeals.recordRejected(merged.id(), appeal.rejectReason(), appeal.rejectNote());
      journal.record(merged.id(), JournalEvent.REVIEWED, Actor.current(identityService), Map.of("decision", "REJECT",
          "rejectReason", appeal.rejectReason().name(), "rejectNote", appeal.rejectNote(),
          "sharedFrom", appeal.trackingNumber()));
      notifications.toCitizen(appeals.get(merged.id()), NotificationKind.REJECTION, Map.of(
          "rejectReasonLabel", appeal.rejectReason().label(), "rejectNote", appeal.rejectNote()));
    }
  }
}
