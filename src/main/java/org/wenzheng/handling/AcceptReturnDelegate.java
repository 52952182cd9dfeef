package org.wenzheng.handling;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;

/**
 * {@code Task_AcceptReturn} 同意退单: the return was justified; the unit's clock stops and the appeal goes back to
 * review to be routed again, from a clean decision.
 */
@Component
class AcceptReturnDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealSteps steps;
  private final Deadlines deadlines;

  AcceptReturnDelegate(AppealTasks tasks, AppealSteps steps, Deadlines deadlines) {
    this.tasks = tasks;
    this.steps = steps;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    deadlines.stop(appeal, ClockKind.RESOLUTION, "RETURNED");
    steps.returnAgreed(appeal, (String) execution.getVariable(AppealProcess.VAR_RETURN_DECISION_NOTE));
    execution.removeVariables(List.of(AppealProcess.VAR_REVIEW_DECISION, AppealProcess.VAR_DEPARTMENT_CODE,
        AppealProcess.VAR_DEPARTMENT_NAME, AppealProcess.VAR_HANDLING_OUTCOME, AppealProcess.VAR_RETURN_REASON,
        AppealProcess.VAR_REPLY_TEXT, AppealProcess.VAR_DISPATCH_NOTE, AppealProcess.VAR_RETURN_DECISION,
        AppealProcess.VAR_RETURN_DECISION_NOTE));
  }
}
