package org.wenzheng.supervision;

import org.springframework.modulith.NamedInterface;

/** The contract of processes/supervision.bpmn (督办), called by Appeal when a clock runs out. */
@NamedInterface("supervision")
public final class SupervisionProcess {

  public static final String PROCESS_ID = "Supervision";

  public static final String TASK_SUPERVISE = "Task_SuperviseAppeal";
  public static final String TASK_ISSUE_NOTICE = "Task_IssueSupervisionNotice";
  public static final String TASK_RECORD_MET = "Task_RecordSupervisionMet";
  public static final String TASK_RECORD_MISSED = "Task_RecordSupervisionMissed";
  public static final String TIMER_DEADLINE = "Event_SupervisionDeadline";
  public static final String END_CORRECTED = "EndEvent_CorrectedBeforeNotice";
  public static final String END_MET = "EndEvent_SupervisionMet";
  public static final String END_ACCOUNTABILITY = "EndEvent_SupervisionAccountabilityDone";

  /** Correlated when the unit completes the supervised step (acknowledges, or answers or returns the appeal). */
  public static final String MESSAGE_STEP_DONE = "Message_SupervisedStepDone";

  public static final String VAR_KIND = "supervisionKind";
  public static final String VAR_MESSAGE = "supervisionMessage";
  public static final String VAR_DEADLINE = "supervisionDeadline";
  public static final String VAR_NOTICE_ID = "noticeId";

  private SupervisionProcess() {
  }
}
