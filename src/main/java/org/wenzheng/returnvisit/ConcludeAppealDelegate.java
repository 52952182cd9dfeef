package org.wenzheng.returnvisit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.Conclusion;
import org.wenzheng.appeal.HandlingOutcome;
import org.wenzheng.appeal.Satisfaction;

/** {@code Task_ConcludeAppeal} 办结: records how the appeal ended. */
@Component
class ConcludeAppealDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealSteps steps;

  ConcludeAppealDelegate(AppealTasks tasks, AppealSteps steps) {
    this.tasks = tasks;
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    steps.concluded(appeal, conclusionOf(appeal));
  }

  /** The process only concludes an unsatisfied appeal once its redo is spent; otherwise the unit's outcome stands. */
  static Conclusion conclusionOf(Appeal appeal) {
    if (appeal.satisfaction() == Satisfaction.UNSATISFIED) {
      return Conclusion.UNSATISFIED;
    }
    return appeal.handlingOutcome() == HandlingOutcome.EXPLAINED ? Conclusion.EXPLAINED : Conclusion.RESOLVED;
  }
}
