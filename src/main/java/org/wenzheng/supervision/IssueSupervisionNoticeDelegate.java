package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.calendar.DeadlineDuration;
import org.wenzheng.deadline.ClockKind;

/** {@code Task_IssueSupervisionNotice} 下发督办通知. */
@Component
class IssueSupervisionNoticeDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final SupervisionNotices notices;

  IssueSupervisionNoticeDelegate(AppealTasks tasks, SupervisionNotices notices) {
    this.tasks = tasks;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisionNotices.Notice notice = notices.issue(tasks.appealOf(execution),
        ClockKind.valueOf((String) execution.getVariable(SupervisionProcess.VAR_KIND)),
        (String) execution.getVariable(SupervisionProcess.VAR_MESSAGE),
        DeadlineDuration.parse((String) execution.getVariable(SupervisionProcess.VAR_DEADLINE)));
    execution.setVariable(SupervisionProcess.VAR_NOTICE_ID, notice.id());
  }
}
