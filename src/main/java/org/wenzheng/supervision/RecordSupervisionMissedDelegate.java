package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RecordSupervisionMissed} 登记督办未落实: recorded against the unit in its record. */
@Component
class RecordSupervisionMissedDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final SupervisionNotices notices;

  RecordSupervisionMissedDelegate(AppealTasks tasks, SupervisionNotices notices) {
    this.tasks = tasks;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.recordOutcome(tasks.appealOf(execution),
        ((Number) execution.getVariable(SupervisionProcess.VAR_NOTICE_ID)).longValue(), "MISSED");
    // The input of the accountability trigger table that follows.
    execution.setVariable(AppealProcess.VAR_ACCOUNTABILITY_EVENT, "SUPERVISION_MISSED");
    execution.setVariable(AppealProcess.VAR_UNJUSTIFIED_RETURNS, 0);
  }
}
