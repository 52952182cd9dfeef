package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_RefuseExtension} 告知不予延期: the clock stands, the unit is told why. */
@Component
class RefuseExtensionDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final ExtensionRequests extensions;

  RefuseExtensionDelegate(AppealTasks tasks, ExtensionRequests extensions) {
    this.tasks = tasks;
    this.extensions = extensions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    extensions.refuse(tasks.appealOf(execution),
        ((Number) execution.getVariable(ExtensionRequestProcess.VAR_EXTENSION_ID)).longValue());
  }
}
