package org.wenzheng.supervision;

import org.springframework.modulith.NamedInterface;

/** The contract of processes/extension-request.bpmn (延期审批). */
@NamedInterface("supervision")
public final class ExtensionRequestProcess {

  public static final String PROCESS_ID = "ExtensionRequest";

  public static final String TASK_LEADER = "Task_ApproveExtensionAsLeader";
  public static final String TASK_SUPERVISION = "Task_ApproveExtensionAsSupervisor";
  public static final String TASK_GRANT = "Task_GrantExtension";
  public static final String TASK_REFUSE = "Task_RefuseExtension";
  public static final String TASK_WITHDRAW = "Task_WithdrawExtension";
  public static final String END_GRANTED = "EndEvent_ExtensionGranted";
  public static final String END_REFUSED = "EndEvent_ExtensionRefused";
  public static final String END_WITHDRAWN = "EndEvent_ExtensionWithdrawn";

  /** Correlated when the unit finishes handling (answers or returns): a pending request is moot. */
  public static final String MESSAGE_HANDLING_FINISHED = "Message_HandlingFinished";

  public static final String VAR_EXTENSION_ID = "extensionId";
  public static final String VAR_LEADER_DECISION = "leaderDecision";
  public static final String VAR_LEADER_NOTE = "leaderNote";
  public static final String VAR_SUPERVISION_DECISION = "supervisionDecision";
  public static final String VAR_SUPERVISION_NOTE = "supervisionNote";

  private ExtensionRequestProcess() {
  }
}
