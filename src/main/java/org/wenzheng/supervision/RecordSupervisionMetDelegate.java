package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RecordSupervisionMet} 登记督办落实: recorded against the unit in its record. */
@Component
class RecordSupervisionMetDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final SupervisionNotices notices;

  RecordSupervisionMetDelegate(AppealTasks tasks, SupervisionNotices notices) {
    this.tasks = tasks;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.recordOutcome(tasks.appealOf(execution),
        ((Number) execution.getVariable(SupervisionProcess.VAR_NOTICE_ID)).longValue(), "MET");
  }
}
