package org.wenzheng.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.AppealTimeline;
import org.wenzheng.calendar.EngineClock;

/** {@code Task_OpenCase} 立案并通知单位: the case, its evidence and its explanation deadline. */
@Component
class OpenCaseDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AccountabilityCases cases;
  private final AppealTimeline timeline;

  OpenCaseDelegate(AppealTasks tasks, AccountabilityCases cases, AppealTimeline timeline) {
    this.tasks = tasks;
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    AccountabilityCase c = cases.open(appeal,
        (String) execution.getVariable(AccountabilityProcess.VAR_DEPARTMENT_CODE),
        (String) execution.getVariable(AccountabilityProcess.VAR_TRIGGER),
        (String) execution.getVariable(AccountabilityProcess.VAR_TRIGGER_REASON));
    execution.setVariable(AccountabilityProcess.VAR_CASE_ID, c.id());
    execution.setVariable(AccountabilityProcess.VAR_CASE_SUMMARY, cases.summary(c, appeal));
    execution.setVariable(AccountabilityProcess.VAR_CASE_EVIDENCE, timeline.asText(appeal.id()));
    execution.setVariable(AccountabilityProcess.VAR_EXPLANATION_DUE_AT, EngineClock.SHOWN.format(c.explanationDueAt().toInstant()));
  }
}
