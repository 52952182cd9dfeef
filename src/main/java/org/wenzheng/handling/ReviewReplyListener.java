package org.wenzheng.handling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.TaskInput;

/**
 * {@code Task_ReviewReply} 审核答复, on complete: approve the unit's reply, or send it back with a note the unit reads.
 * The reply reviewed is the appeal's own (the form shows it beside the appeal it answers), and it is the one sent.
 */
@Component
class ReviewReplyListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealJournal journal;
  private final IdentityService identityService;

  ReviewReplyListener(AppealTasks tasks, AppealJournal journal, IdentityService identityService) {
    this.tasks = tasks;
    this.journal = journal;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, true);
    TaskInput input = new TaskInput(task);
    ReplyReviewDecision decision = input.requireEnum(AppealProcess.VAR_REPLY_REVIEW_DECISION,
        ReplyReviewDecision.class);
    String note = decision == ReplyReviewDecision.SEND_BACK
        ? input.requireText(AppealProcess.VAR_REPLY_REVIEW_NOTE)
        : input.optionalText(AppealProcess.VAR_REPLY_REVIEW_NOTE);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("departmentCode", appeal.departmentCode());
    detail.put("replyText", appeal.replyText());
    if (note != null) {
      detail.put("note", note);
    }
    journal.record(appeal.id(),
        decision == ReplyReviewDecision.APPROVE ? JournalEvent.REPLY_APPROVED : JournalEvent.REPLY_SENT_BACK,
        Actor.current(identityService), detail);
  }
}
