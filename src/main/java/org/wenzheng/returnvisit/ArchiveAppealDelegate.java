package org.wenzheng.returnvisit;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.identity.AppealAccess;

/**
 * {@code Task_ArchiveAppeal} 归档. Runs as its own job after conclusion (asyncBefore), so a concluded appeal stays
 * concluded even if archiving has to be retried.
 */
@Component
class ArchiveAppealDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final AppealAccess access;

  ArchiveAppealDelegate(AppealTasks tasks, AppealRepository appeals, AppealJournal journal, AppealAccess access) {
    this.access = access;
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    appeals.recordArchived(appeal.id());
    access.revokeAll(execution.getProcessInstanceId());
    journal.record(appeal.id(), JournalEvent.ARCHIVED, Actor.SYSTEM, Map.of());
  }
}
