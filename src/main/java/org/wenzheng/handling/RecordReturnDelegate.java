package org.wenzheng.handling;

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
import org.wenzheng.directory.Directory;

/**
 * {@code Task_RecordReturn} 登记退单: the return is counted against the unit, and the appeal goes back to the
 * dispatch centre with the unit's reason on the review form. The previous round's answers are cleared so that the
 * next review and the next unit start from a clean form.
 */
@Component
class RecordReturnDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Directory directory;
  private final IdentityService identityService;

  RecordReturnDelegate(AppealTasks tasks, AppealRepository appeals, AppealJournal journal, Directory directory,
      IdentityService identityService) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    String reason = (String) execution.getVariable(AppealProcess.VAR_RETURN_REASON);
    Actor actor = Actor.current(identityService);
    appeals.recordReturn(appeal.id(), appeal.departmentCode(), reason, actor.userId());
    journal.record(appeal.id(), "RETURNED", actor,
        Map.of("departmentCode", appeal.departmentCode(), "reason", reason));
    execution.setVariable(AppealProcess.VAR_RETURNS_COUNT, appeals.returnsCount(appeal.id()));
    execution.setVariable(AppealProcess.VAR_PREVIOUS_ROUND_NOTE,
        directory.unitName(appeal.departmentCode()) + " 退回，理由：" + reason);
    execution.removeVariables(java.util.List.of(AppealProcess.VAR_REVIEW_DECISION,
        AppealProcess.VAR_DEPARTMENT_CODE, AppealProcess.VAR_DEPARTMENT_NAME, AppealProcess.VAR_HANDLING_OUTCOME,
        AppealProcess.VAR_RETURN_REASON, AppealProcess.VAR_REPLY_TEXT, AppealProcess.VAR_DISPATCH_NOTE));
  }
}
