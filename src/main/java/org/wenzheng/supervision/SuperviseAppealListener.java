package org.wenzheng.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.calendar.DeadlineDuration;

/** {@code Task_SuperviseAppeal} 督办, on complete: a message for the unit and a new deadline in working time. */
@Component
class SuperviseAppealListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = new TaskInput(task);
    input.requireText(SupervisionProcess.VAR_MESSAGE);
    String allowed = input.requireText(SupervisionProcess.VAR_DEADLINE);
    DeadlineDuration d;
    try {
      d = DeadlineDuration.parse(allowed);
    } catch (IllegalArgumentException e) {
      throw new TaskInputRejectedException(SupervisionProcess.VAR_DEADLINE, "应为工作时长，如 PT4H、P1D、P2D");
    }
    if (d.isZero() || d.days() > 10) {
      throw new TaskInputRejectedException(SupervisionProcess.VAR_DEADLINE, "督办期限应在 10 个工作日以内");
    }
  }
}
