package org.wenzheng.handling;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;

/** {@code Task_AcknowledgeAppeal} 签收诉求, on complete: the unit's response is recorded (the response clock stops). */
@Component
class AcknowledgeAppealListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealSteps steps;
  private final Deadlines deadlines;

  AcknowledgeAppealListener(AppealTasks tasks, AppealSteps steps, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, true);
    deadlines.stop(appeal, ClockKind.RESPONSE, "DONE");
    steps.acknowledged(appeal);
  }
}
