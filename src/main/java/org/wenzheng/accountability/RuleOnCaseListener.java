package org.wenzheng.accountability;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.appeal.TaskInputRejectedException;

/**
 * {@code Task_RuleOnCase} 裁定, on complete: a ruling the record can hold. Points belong to POINTS_DEDUCTED only, and
 * lie between 1 and the configured maximum.
 */
@Component
class RuleOnCaseListener implements TaskListener {

  private final AccountabilityCases cases;

  RuleOnCaseListener(AccountabilityCases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = new TaskInput(task);
    Ruling ruling = input.requireEnum(AccountabilityProcess.VAR_RULING, Ruling.class);
    Integer points = input.optionalWholeNumber(AccountabilityProcess.VAR_POINTS);
    if (ruling == Ruling.POINTS_DEDUCTED) {
      if (points == null || points < 1 || points > cases.maxPoints()) {
        throw new TaskInputRejectedException(AccountabilityProcess.VAR_POINTS,
            "扣分裁定须写明扣分（1 至 " + cases.maxPoints() + " 分）");
      }
    } else if (points != null && points != 0) {
      throw new TaskInputRejectedException(AccountabilityProcess.VAR_POINTS, "只有扣分裁定才能扣分");
    } else {
      task.setVariable(AccountabilityProcess.VAR_POINTS, 0);
    }
    input.requireText(AccountabilityProcess.VAR_RULING_NOTE);
  }
}
