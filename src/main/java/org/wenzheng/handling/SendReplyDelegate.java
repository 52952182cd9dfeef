package org.wenzheng.handling;

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
import org.wenzheng.directory.Directory;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_SendReply} 答复诉求人. The reply and its recipient are read from the same appeal row, found by this
 * instance's business key, so a reply can only ever go to its own appeal's citizen.
 */
@Component
class SendReplyDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final Directory directory;
  private final IdentityService identityService;

  SendReplyDelegate(AppealTasks tasks, AppealRepository appeals, AppealJournal journal, Notifications notifications,
      Directory directory, IdentityService identityService) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.notifications = notifications;
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    appeals.recordReplied(appeal.id());
    journal.record(appeal.id(), "REPLIED", Actor.current(identityService), Map.of(
        "departmentCode", appeal.departmentCode(), "outcome", appeal.handlingOutcome().name(),
        "replyText", appeal.replyText()));
    notifications.toCitizen(appeal, NotificationKind.REPLY, Map.of(
        "unitName", directory.unitName(appeal.departmentCode()),
        "replyText", appeal.replyText(),
        "outcomeLabel", appeal.handlingOutcome().label()));
  }
}
