package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_WithdrawExtension} 撤销延期申请: handling finished first; the request is moot. */
@Component
class WithdrawExtensionDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final ExtensionRequests extensions;

  WithdrawExtensionDelegate(AppealTasks tasks, ExtensionRequests extensions) {
    this.tasks = tasks;
    this.extensions = extensions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    extensions.withdraw(tasks.appealOf(execution),
        ((Number) execution.getVariable(ExtensionRequestProcess.VAR_EXTENSION_ID)).longValue());
  }
}
