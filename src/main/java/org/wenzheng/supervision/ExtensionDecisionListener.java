package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.TaskInput;

/**
 * {@code Task_ApproveExtensionAsLeader} and {@code Task_ApproveExtensionAsSupervisor}, on complete: approve or not;
 * a refusal must say why, because the unit is told.
 */
@Component
class ExtensionDecisionListener implements TaskListener {

  private final AppealTasks tasks;
  private final ExtensionRequests extensions;

  ExtensionDecisionListener(AppealTasks tasks, ExtensionRequests extensions) {
    this.tasks = tasks;
    this.extensions = extensions;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean leader = ExtensionRequestProcess.TASK_LEADER.equals(task.getTaskDefinitionKey());
    String decisionVar = leader ? ExtensionRequestProcess.VAR_LEADER_DECISION
        : ExtensionRequestProcess.VAR_SUPERVISION_DECISION;
    String noteVar = leader ? ExtensionRequestProcess.VAR_LEADER_NOTE : ExtensionRequestProcess.VAR_SUPERVISION_NOTE;
    TaskInput input = new TaskInput(task);
    Decision decision = input.requireEnum(decisionVar, Decision.class);
    String note = decision == Decision.REJECT ? input.requireText(noteVar) : input.optionalText(noteVar);
    long id = ((Number) task.getVariable(ExtensionRequestProcess.VAR_EXTENSION_ID)).longValue();
    if (leader) {
      extensions.recordLeaderDecision(tasks.appealOf(task), id, decision, note);
    } else {
      extensions.recordSupervisionDecision(tasks.appealOf(task), id, decision, note);
    }
  }
}
