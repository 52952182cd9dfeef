package org.wenzheng.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RemindExplanation} 催交书面说明. */
@Component
class RemindExplanationDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AccountabilityCases cases;

  RemindExplanationDelegate(AppealTasks tasks, AccountabilityCases cases) {
    this.tasks = tasks;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.remindExplanation(tasks.appealOf(execution), AccountabilityTimers.caseId(execution));
  }
}
