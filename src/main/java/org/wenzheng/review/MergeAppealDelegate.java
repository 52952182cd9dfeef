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
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.handling.SharedReplies;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_MergeAppeal} 合并诉求: the duplicate's citizen is told which appeal theirs joined. If that appeal was
 * already answered, the answer goes to them now; otherwise it will when it goes out (SendReplyDelegate).
 */
@Component
class MergeAppealDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final SharedReplies sharedReplies;
  private final IdentityService identityService;

  MergeAppealDelegate(AppealTasks tasks, AppealRepository appeals, AppealJournal journal,
      Notifications notifications, SharedReplies sharedReplies, IdentityService identityService) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.notifications = notifications;
    this.sharedReplies = sharedReplies;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal merged = tasks.appealOf(execution);
    Appeal primary = appeals.get(merged.mergedInto());
    journal.record(merged.id(), JournalEvent.MERGED, Actor.current(identityService),
        Map.of("mergedInto", primary.trackingNumber()));
    if (primary.status() == AppealStatus.REPLIED) {
      sharedReplies.share(primary, merged, Actor.current(identityService));
    } else {
      notifications.toCitizen(merged, NotificationKind.MERGED,
          Map.of("primaryTrackingNumber", primary.trackingNumber()));
    }
  }
}
