package org.wenzheng.handling;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;

/** {@code Task_AcknowledgeAppeal} 签收诉求, on complete: the unit's response is recorded (the response clock stops). */
@Component
class AcknowledgeAppealListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final IdentityService identityService;
  private final Deadlines deadlines;

  AcknowledgeAppealListener(AppealTasks tasks, AppealRepository appeals, AppealJournal journal,
      IdentityService identityService, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, true);
    appeals.recordAcknowledged(appeal.id());
    deadlines.stop(appeal, ClockKind.RESPONSE, "DONE");
    journal.record(appeal.id(), JournalEvent.ACKNOWLEDGED, Actor.current(identityService),
        Map.of("departmentCode", appeal.departmentCode()));
  }
}
