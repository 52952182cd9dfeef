package org.wenzheng.review;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
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
  private final AppealSteps steps;
  private final Notifications notifications;
  private final SharedReplies sharedReplies;

  MergeAppealDelegate(AppealTasks tasks, AppealRepository appeals, AppealSteps steps,
      Notifications notifications, SharedReplies sharedReplies) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
    this.notifications = notifications;
    this.sharedReplies = sharedReplies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal merged = tasks.appealOf(execution);
    Appeal primary = appeals.get(merged.mergedInto());
    steps.merged(merged, primary);
    if (primary.status() == AppealStatus.REPLIED) {
      sharedReplies.share(primary, merged);
    } else {
      notifications.toCitizen(merged, NotificationKind.MERGED,
          Map.of("primaryTrackingNumber", primary.trackingNumber()));
    }
  }
}
