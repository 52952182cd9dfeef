package org.wenzheng.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RecordRuling} 登记裁定: the ruling enters the unit's record, and its leaders are told. */
@Component
class RecordRulingDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AccountabilityCases cases;

  RecordRulingDelegate(AppealTasks tasks, AccountabilityCases cases) {
    this.tasks = tasks;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.rule(tasks.appealOf(execution), AccountabilityTimers.caseId(execution),
        Ruling.valueOf((String) execution.getVariable(AccountabilityProcess.VAR_RULING)),
        ((Number) execution.getVariable(AccountabilityProcess.VAR_POINTS)).intValue(),
        (String) execution.getVariable(AccountabilityProcess.VAR_RULING_NOTE));
  }
}
