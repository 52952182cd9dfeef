package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;

/**
 * {@code Task_StartExtensionApproval} 发起延期审批: the unit's extension request, recorded when it completed its
 * handling task, goes to its leaders and the supervision office as an {@code ExtensionRequest} process of its own,
 * while the Appeal process takes the handling task back to the unit.
 */
@Component
class StartExtensionApprovalDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final ExtensionRequests extensions;

  StartExtensionApprovalDelegate(AppealTasks tasks, ExtensionRequests extensions) {
    this.tasks = tasks;
    this.extensions = extensions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    extensions.startApproval(tasks.appealOf(execution));
  }
}
