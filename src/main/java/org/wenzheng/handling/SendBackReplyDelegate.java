package org.wenzheng.handling;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_SendBackReply} 退回重新答复: the reply did not pass review. The unit gets the appeal back on the clock it
 * answered on, which runs again from where it stood (a reply sent back is not an answer), and it is told why.
 */
@Component
class SendBackReplyDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final Notifications notifications;

  SendBackReplyDelegate(AppealTasks tasks, AppealRepository appeals, Deadlines deadlines,
      Notifications notifications) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    String note = (String) execution.getVariable(AppealProcess.VAR_REPLY_REVIEW_NOTE);
    deadlines.reopen(appeal, ClockKind.RESOLUTION);
    appeals.backToUnit(appeal.id());
    String due = deadlines.runningDue(appeal.id(), ClockKind.RESOLUTION).map(EngineClock.SHOWN::format).orElse("—");
    notifications.toUnit(appeal, appeal.departmentCode(), NotificationKind.REPLY_SENT_BACK,
        Map.of("note", note, "dueAt", due));
    execution.setVariable(AppealProcess.VAR_PREVIOUS_ROUND_NOTE, "调度中心退回答复，请修改后重新答复。审核意见：" + note);
    execution.setVariable(AppealProcess.VAR_ACKNOWLEDGE_NEEDED, false);
    // The reply text stays, for the handler to revise; the decision and the note start afresh next time.
    execution.removeVariables(List.of(AppealProcess.VAR_REPLY_REVIEW_DECISION, AppealProcess.VAR_REPLY_REVIEW_NOTE));
  }
}
