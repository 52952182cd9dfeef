package org.wenzheng.handling;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;

/**
 * {@code Task_AcceptReturn} 同意退单: the return was justified; the unit's clock stops and the appeal goes back to
 * review to be routed again, from a clean decision.
 */
@Component
class AcceptReturnDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Deadlines deadlines;
  private final IdentityService identityService;

  AcceptReturnDelegate(AppealTasks tasks, AppealRepository appeals, AppealJournal journal, Deadlines deadlines,
      IdentityService identityService) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.deadlines = deadlines;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    Actor actor = Actor.current(identityService);
    String note = (String) execution.getVariable(AppealProcess.VAR_RETURN_DECISION_NOTE);
    appeals.decideLatestReturn(appeal.id(), "AGREED", true, note, actor.userId());
    deadlines.stop(appeal, ClockKind.RESOLUTION, "RETURNED");
    journal.record(appeal.id(), JournalEvent.RETURN_AGREED, actor, Map.of("departmentCode", appeal.departmentCode()));
    execution.removeVariables(List.of(AppealProcess.VAR_REVIEW_DECISION, AppealProcess.VAR_DEPARTMENT_CODE,
        AppealProcess.VAR_DEPARTMENT_NAME, AppealProcess.VAR_HANDLING_OUTCOME, AppealProcess.VAR_RETURN_REASON,
        AppealProcess.VAR_REPLY_TEXT, AppealProcess.VAR_DISPATCH_NOTE, AppealProcess.VAR_RETURN_DECISION,
        AppealProcess.VAR_RETURN_DECISION_NOTE));
  }
}
