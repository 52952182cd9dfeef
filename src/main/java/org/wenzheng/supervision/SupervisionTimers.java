package org.wenzheng.supervision;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.ProcessFunction;

/** Read by the Supervision process's timer: {@code ${supervisionTimers.deadline(execution)}}. */
@Component("supervisionTimers")
public class SupervisionTimers {

  private final SupervisionNotices notices;

  SupervisionTimers(SupervisionNotices notices) {
    this.notices = notices;
  }

  @ProcessFunction
  public Date deadline(DelegateExecution execution) {
    return notices.deadline(((Number) execution.getVariable(SupervisionProcess.VAR_NOTICE_ID)).longValue());
  }
}
