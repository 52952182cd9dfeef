package org.wenzheng.citizen;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** {@code Event_AnswerWindowClosed}, on end: the citizen did not answer in time; the handler goes on without it. */
@Component
class QuestionUnansweredListener implements ExecutionListener {

  private final CitizenConversation conversation;

  QuestionUnansweredListener(CitizenConversation conversation) {
    this.conversation = conversation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    conversation.unanswered(execution);
  }
}
