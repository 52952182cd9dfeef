package org.wenzheng.returnvisit;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.Conclusion;
import org.wenzheng.appeal.HandlingOutcome;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.Satisfaction;

/** {@code Task_ConcludeAppeal} 办结: records how the appeal ended. */
@Component
class ConcludeAppealDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final IdentityService identityService;

  ConcludeAppealDelegate(AppealTasks tasks, AppealRepository appeals, AppealJournal journal,
      IdentityService identityService) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    Conclusion conclusion = conclusionOf(appeal);
    appeals.recordConcluded(appeal.id(), conclusion);
    journal.record(appeal.id(), JournalEvent.CONCLUDED, Actor.current(identityService), Map.of("conclusion", conclusion.name()));
  }

  /** The process only concludes an unsatisfied appeal once its redo is spent; otherwise the unit's outcome stands. */
  static Conclusion conclusionOf(Appeal appeal) {
    if (appeal.satisfaction() == Satisfaction.UNSATISFIED) {
      return Conclusion.UNSATISFIED;
    }
    return appeal.handlingOutcome() == HandlingOutcome.EXPLAINED ? Conclusion.EXPLAINED : Conclusion.RESOLVED;
  }
}
