package org.wenzheng.citizen;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;

/** {@code Task_AskCitizen} 询问诉求人: the handler's question goes out; the handling form will show the exchange. */
@Component
class AskCitizenDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final CitizenConversation conversation;

  AskCitizenDelegate(AppealTasks tasks, CitizenConversation conversation) {
    this.tasks = tasks;
    this.conversation = conversation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var appeal = tasks.appealOf(execution);
    conversation.ask(appeal, (String) execution.getVariable(AppealProcess.VAR_QUESTION_TEXT));
    execution.setVariable(AppealProcess.VAR_CONVERSATION, conversation.conversationText(appeal.id()));
    execution.removeVariables(List.of(AppealProcess.VAR_QUESTION_TEXT, AppealProcess.VAR_HANDLING_OUTCOME));
  }
}
