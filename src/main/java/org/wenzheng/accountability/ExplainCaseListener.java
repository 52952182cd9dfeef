package org.wenzheng.accountability;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.TaskInput;

/** {@code Task_ExplainCase} 书面说明, on complete: the unit leaders' written explanation. */
@Component
class ExplainCaseListener implements TaskListener {

  private final AppealTasks tasks;
  private final AccountabilityCases cases;

  ExplainCaseListener(AppealTasks tasks, AccountabilityCases cases) {
    this.tasks = tasks;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    String explanation = new TaskInput(task).requireText(AccountabilityProcess.VAR_EXPLANATION);
    cases.explain(tasks.appealOf(task), AccountabilityTimers.caseId(task.getExecution()), explanation);
  }
}
