package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_GrantExtension} 批准延期: the clock moves, the unit and the citizen are told. */
@Component
class GrantExtensionDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final ExtensionRequests extensions;

  GrantExtensionDelegate(AppealTasks tasks, ExtensionRequests extensions) {
    this.tasks = tasks;
    this.extensions = extensions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    extensions.grant(tasks.appealOf(execution),
        ((Number) execution.getVariable(ExtensionRequestProcess.VAR_EXTENSION_ID)).longValue());
  }
}
