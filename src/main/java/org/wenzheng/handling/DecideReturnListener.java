package org.wenzheng.handling;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.TaskInput;

/** {@code Task_DecideReturn} 审核退单, on complete: agree, or reject with a note the unit will read. */
@Component
class DecideReturnListener implements TaskListener {

  private final AppealTasks tasks;

  DecideReturnListener(AppealTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    tasks.requireRoutingUnchanged(task, tasks.appealOf(task), true);
    TaskInput input = new TaskInput(task);
    ReturnDecision decision = input.requireEnum(AppealProcess.VAR_RETURN_DECISION, ReturnDecision.class);
    if (decision == ReturnDecision.REJECT) {
      input.requireText(AppealProcess.VAR_RETURN_DECISION_NOTE);
    } else {
      input.optionalText(AppealProcess.VAR_RETURN_DECISION_NOTE);
    }
  }
}
