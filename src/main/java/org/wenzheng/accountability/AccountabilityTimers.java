package org.wenzheng.accountability;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.ProcessFunction;

/** Read by the Accountability process's due date and timers: {@code ${accountabilityTimers.due(execution)}}. */
@Component("accountabilityTimers")
public class AccountabilityTimers {

  private final AccountabilityCases cases;

  AccountabilityTimers(AccountabilityCases cases) {
    this.cases = cases;
  }

  @ProcessFunction
  public Date due(DelegateExecution execution) {
    return cases.explanationDue(caseId(execution));
  }

  @ProcessFunction
  public Date reminder(DelegateExecution execution) {
    return cases.explanationReminder(caseId(execution));
  }

  static long caseId(DelegateExecution execution) {
    return ((Number) execution.getVariable(AccountabilityProcess.VAR_CASE_ID)).longValue();
  }
}
