package org.wenzheng.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RecordMissingExplanation} 登记未说明: the time to explain ran out; the case goes on without it. */
@Component
class RecordMissingExplanationDelegate implements JavaDelegate {

  static final String NO_EXPLANATION = "（单位未在期限内提交书面说明）";

  private final AppealTasks tasks;
  private final AccountabilityCases cases;

  RecordMissingExplanationDelegate(AppealTasks tasks, AccountabilityCases cases) {
    this.tasks = tasks;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.explanationMissing(tasks.appealOf(execution), AccountabilityTimers.caseId(execution));
    execution.setVariable(AccountabilityProcess.VAR_EXPLANATION, NO_EXPLANATION);
  }
}
