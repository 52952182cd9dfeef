package org.wenzheng.returnvisit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.identity.AppealAccess;

/**
 * {@code Task_ArchiveAppeal} 归档. Runs as its own job after conclusion (asyncBefore), so a concluded appeal stays
 * concluded even if archiving has to be retried.
 */
@Component
class ArchiveAppealDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealSteps steps;
  private final AppealAccess access;

  ArchiveAppealDelegate(AppealTasks tasks, AppealSteps steps, AppealAccess access) {
    this.access = access;
    this.tasks = tasks;
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    steps.archived(appeal);
    access.revokeAll(execution.getProcessInstanceId());
  }
}
