package org.wenzheng.accountability;

import org.springframework.modulith.NamedInterface;

/** The contract of processes/accountability.bpmn (效能问责), called from Appeal and Supervision. */
@NamedInterface("cases")
public final class AccountabilityProcess {

  public static final String PROCESS_ID = "Accountability";

  public static final String TASK_OPEN_CASE = "Task_OpenCase";
  public static final String TASK_EXPLAIN = "Task_ExplainCase";
  public static final String TASK_REMIND_EXPLANATION = "Task_RemindExplanation";
  public static final String TASK_RECORD_MISSING_EXPLANATION = "Task_RecordMissingExplanation";
  public static final String TASK_RULE = "Task_RuleOnCase";
  public static final String TASK_RECORD_RULING = "Task_RecordRuling";
  public static final String TIMER_EXPLANATION_REMINDER = "BoundaryEvent_ExplanationReminder";
  public static final String TIMER_EXPLANATION_OVERDUE = "BoundaryEvent_ExplanationOverdue";
  public static final String END_RULED = "EndEvent_CaseRuled";

  /** Decision of processes/accountability-triggers.dmn: does this event open a case? */
  public static final String DECISION_TRIGGER = "AccountabilityTrigger";

  // passed in by the caller
  public static final String VAR_DEPARTMENT_CODE = "departmentCode";
  public static final String VAR_TRIGGER = "accountabilityTrigger";
  public static final String VAR_TRIGGER_REASON = "triggerReason";
  // set by the process
  public static final String VAR_CASE_ID = "caseId";
  public static final String VAR_CASE_SUMMARY = "caseSummary";
  /** The appeal's trace when the case was opened, one line per step: the evidence on the forms. */
  public static final String VAR_CASE_EVIDENCE = "caseEvidence";
  public static final String VAR_EXPLANATION_DUE_AT = "explanationDueAt";
  public static final String VAR_EXPLANATION = "explanation";
  public static final String VAR_RULING = "ruling";
  public static final String VAR_POINTS = "points";
  public static final String VAR_RULING_NOTE = "rulingNote";

  private AccountabilityProcess() {
  }
}
