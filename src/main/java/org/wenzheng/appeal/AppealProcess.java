package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

/**
 * The contract of processes/appeal.bpmn: its id, element ids, variable and message names. Delegates, listeners,
 * Tasklist filters and tests all use these names, so that a rename is one change here and one in the model.
 */
@NamedInterface("process")
public final class AppealProcess {

  public static final String PROCESS_ID = "Appeal";

  // user tasks
  public static final String TASK_REVIEW = "Task_ReviewAppeal";
  public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeAppeal";
  public static final String TASK_HANDLE = "Task_HandleAppeal";
  public static final String TASK_RETURN_VISIT = "Task_ReturnVisit";
  public static final String TASK_REVIEW_REPLY = "Task_ReviewReply";

  // service tasks
  public static final String TASK_NOTIFY_REJECTION = "Task_NotifyRejection";
  public static final String TASK_DISPATCH = "Task_DispatchAppeal";
  public static final String TASK_RECORD_RETURN = "Task_RecordReturn";
  public static final String TASK_SEND_REPLY = "Task_SendReply";
  public static final String TASK_SEND_BACK_REPLY = "Task_SendBackReply";
  public static final String TASK_MERGE = "Task_MergeAppeal";
  public static final String TASK_ASK_CITIZEN = "Task_AskCitizen";
  public static final String TASK_START_REDO = "Task_StartRedo";
  public static final String TASK_CONCLUDE = "Task_ConcludeAppeal";
  public static final String TASK_START_EXTENSION_APPROVAL = "Task_StartExtensionApproval";
  public static final String TASK_ARCHIVE = "Task_ArchiveAppeal";
  public static final String TASK_DETERMINE_RESPONSE_DEADLINE = "Task_DetermineResponseDeadline";
  public static final String TASK_DETERMINE_RESOLUTION_DEADLINE = "Task_DetermineResolutionDeadline";
  public static final String TASK_SCHEDULE_DEADLINES = "Task_ScheduleDeadlines";
  public static final String TASK_REMIND_RESPONSE = "Task_RemindResponse";
  public static final String TASK_MARK_RESPONSE_OVERDUE = "Task_MarkResponseOverdue";
  public static final String TASK_REMIND_RESOLUTION = "Task_RemindResolution";
  public static final String TASK_MARK_RESOLUTION_OVERDUE = "Task_MarkResolutionOverdue";

  // returns (退单) and disputes (争议)
  public static final String TASK_DECIDE_RETURN = "Task_DecideReturn";
  public static final String TASK_ACCEPT_RETURN = "Task_AcceptReturn";
  public static final String TASK_REJECT_RETURN = "Task_RejectReturn";
  public static final String TASK_RESOLVE_DISPUTE = "Task_ResolveDispute";
  public static final String TASK_DESIGNATE_LEAD = "Task_DesignateLeadUnit";
  public static final String TASK_CO_HANDLE = "Task_CoHandleAppeal";

  // supervision (督办) and accountability (效能问责)
  public static final String CALL_SUPERVISE_RESPONSE = "CallActivity_SuperviseResponse";
  public static final String CALL_SUPERVISE_RESOLUTION = "CallActivity_SuperviseResolution";
  public static final String TASK_CHECK_ACCOUNTABILITY = "Task_CheckAccountability";
  public static final String CALL_ACCOUNTABILITY = "CallActivity_Accountability";
  public static final String END_ALREADY_SUPERVISED = "EndEvent_AlreadySupervised";
  public static final String END_NO_ACCOUNTABILITY = "EndEvent_NoAccountability";

  /** Acknowledgement and handling, with the resolution clock on its boundary. */
  public static final String SUBPROCESS_HANDLING = "SubProcess_Handling";

  // timers (boundary events) and what they lead to
  public static final String TIMER_RESPONSE_REMINDER = "BoundaryEvent_ResponseReminder";
  public static final String TIMER_RESPONSE_OVERDUE = "BoundaryEvent_ResponseOverdue";
  public static final String TIMER_RESOLUTION_REMINDER = "BoundaryEvent_ResolutionReminder";
  public static final String TIMER_RESOLUTION_OVERDUE = "BoundaryEvent_ResolutionOverdue";
  public static final String END_RESPONSE_ESCALATED = "EndEvent_ResponseEscalated";
  public static final String END_RESOLUTION_ESCALATED = "EndEvent_ResolutionEscalated";
  public static final String ESCALATION_RESPONSE_OVERDUE = "RESPONSE_OVERDUE";
  public static final String ESCALATION_RESOLUTION_OVERDUE = "RESOLUTION_OVERDUE";

  // the citizen's side: questions (沟通) and the online rating
  /** Where the process waits for the citizen's answer, or for its time to run out. */
  public static final String GATEWAY_AWAIT_ANSWER = "Gateway_AwaitAnswer";
  public static final String EVENT_CITIZEN_ANSWERED = "Event_CitizenAnswered";
  public static final String TIMER_ANSWER_WINDOW = "Event_AnswerWindowClosed";
  /** Where the process waits for the citizen's online rating, or for its time to run out. */
  public static final String GATEWAY_AWAIT_RATING = "Gateway_AwaitRating";
  public static final String EVENT_CITIZEN_RATED = "Event_CitizenRated";
  public static final String TIMER_RATING_WINDOW = "Event_RatingWindowClosed";
  public static final String MESSAGE_CITIZEN_REPLIED = "Message_CitizenReplied";
  public static final String MESSAGE_CITIZEN_RATED = "Message_CitizenRated";

  /** The decisions of processes/deadline-policy.dmn. */
  public static final String DECISION_RESPONSE_DEADLINE = "ResponseDeadline";
  public static final String DECISION_REVIEW_DEADLINE = "ReviewDeadline";
  public static final String DECISION_RESOLUTION_DEADLINE = "ResolutionDeadline";

  // events and gateways
  public static final String START_EVENT = "StartEvent_AppealReceived";
  public static final String GATEWAY_REVIEW_ACCEPTED = "Gateway_ReviewAccepted";
  public static final String GATEWAY_HANDLING_OUTCOME = "Gateway_HandlingOutcome";
  public static final String GATEWAY_REDO_NEEDED = "Gateway_RedoNeeded";
  public static final String END_REJECTED = "EndEvent_AppealRejected";
  public static final String END_MERGED = "EndEvent_AppealMerged";
  public static final String END_ARCHIVED = "EndEvent_AppealArchived";

  // the appeal's facts on forms: read from its row when a form is opened (AppealFormFacts), not kept in the process,
  // except the tracking number and title, which Tasklist's lists show as variable columns
  public static final String VAR_TRACKING_NUMBER = "trackingNumber";
  public static final String VAR_CHANNEL = "channel";
  public static final String VAR_TITLE = "title";
  public static final String VAR_CONTENT = "content";
  public static final String VAR_LOCATION = "location";
  public static final String VAR_CITIZEN_NAME = "citizenName";
  public static final String VAR_CITIZEN_PHONE = "citizenPhone";
  public static final String VAR_MAILBOX = "mailbox";
  public static final String VAR_RECEIVED_AT = "receivedAt";
  /** Urgent appeals (a person trapped, a burst pipe) may have shorter deadlines; set at intake or review. */
  public static final String VAR_URGENT = "urgent";

  // variables: review (审核)
  public static final String VAR_REVIEW_DECISION = "reviewDecision";
  public static final String VAR_DEPARTMENT_CODE = "departmentCode";
  public static final String VAR_DEPARTMENT_NAME = "departmentName";
  public static final String VAR_APPEAL_TYPE = "appealType";
  public static final String VAR_COMPLEXITY = "complexity";
  public static final String VAR_DISPATCH_NOTE = "dispatchNote";
  public static final String VAR_REJECT_REASON = "rejectReason";
  public static final String VAR_REJECT_NOTE = "rejectNote";
  /** Task-local: the units a dispatcher may choose, as [{label, value}] for the form's select. */
  public static final String VAR_DEPARTMENT_OPTIONS = "departmentOptions";

  // variables: deadlines (时限)
  /** Whether the appeal reached the unit in working time (an input of the response deadline policy). */
  public static final String VAR_ARRIVED_IN_WORKING_TIME = "arrivedInWorkingTime";
  /** False for a redo, which goes straight back to handling without a new acknowledgement. */
  public static final String VAR_ACKNOWLEDGE_NEEDED = "acknowledgeNeeded";
  public static final String VAR_RESPONSE_POLICY = "responsePolicy";
  public static final String VAR_RESOLUTION_POLICY = "resolutionPolicy";
  /** The due instants as people read them ("2026-02-24 17:30"), for the forms. */
  public static final String VAR_RESPONSE_DUE_AT = "responseDueAt";
  public static final String VAR_RESOLUTION_DUE_AT = "resolutionDueAt";

  // variables: handling (办理)
  public static final String VAR_HANDLING_OUTCOME = "handlingOutcome";
  public static final String VAR_REPLY_TEXT = "replyText";
  public static final String VAR_RETURN_REASON = "returnReason";
  public static final String VAR_RETURNS_COUNT = "returnsCount";
  /** What the dispatcher or the citizen said last time, shown on the next task (退单理由, 不满意原因). */
  public static final String VAR_PREVIOUS_ROUND_NOTE = "previousRoundNote";

  /** Set by the overdue marks: only the first mark of a clock goes to supervision. */
  public static final String VAR_OVERDUE_IS_NEW = "overdueIsNew";
  /** The supervision office's notice, shown on the unit's task. */
  public static final String VAR_SUPERVISION_NOTICE = "supervisionNotice";

  // variables: extension request (延期), an outcome of Task_HandleAppeal that keeps the task open
  public static final String VAR_EXTENSION_REASON = "extensionReason";
  public static final String VAR_EXTENSION_UNTIL = "extensionUntil";
  public static final String VAR_EXTENSION_STATUS = "extensionStatus";

  // variables: returns and disputes
  public static final String VAR_RETURN_DECISION = "returnDecision";
  public static final String VAR_RETURN_DECISION_NOTE = "returnDecisionNote";
  public static final String VAR_DISPUTE_NEEDED = "disputeNeeded";
  public static final String VAR_RETURN_HISTORY = "returnHistory";
  public static final String VAR_LEAD_UNIT = "leadUnit";
  public static final String VAR_CO_UNITS = "coUnits";
  public static final String VAR_CO_UNIT = "coUnit";
  public static final String VAR_DISPUTE_NOTE = "disputeNote";
  public static final String VAR_CO_HANDLING_PART = "coHandlingPart";
  public static final String VAR_CO_HANDLING_PARTS = "coHandlingParts";
  /** False once the supervision office made the unit the lead (首接负责制): it may no longer return the appeal. */
  public static final String VAR_RETURN_ALLOWED = "returnAllowed";

  // variables: accountability triggers (processes/accountability-triggers.dmn)
  public static final String VAR_ACCOUNTABILITY_EVENT = "accountabilityEvent";
  public static final String VAR_ACCOUNTABLE_UNIT = "accountableUnit";
  public static final String VAR_UNJUSTIFIED_RETURNS = "unjustifiedReturns";
  public static final String VAR_UNSATISFIED_CAUSE = "unsatisfiedCause";
  public static final String VAR_ACCOUNTABILITY_CHECK = "accountabilityCheck";

  // variables: duplicates (合并), questions to the citizen (沟通), reply review (答复审核), online rating
  public static final String VAR_DUPLICATE_CANDIDATES = "duplicateCandidates";
  public static final String VAR_MERGE_OPTIONS = "mergeOptions";
  public static final String VAR_MERGE_INTO = "mergeInto";
  public static final String VAR_QUESTION_TEXT = "questionText";
  /** The questions and answers so far, one line each, shown on the handling form. */
  public static final String VAR_CONVERSATION = "conversation";
  public static final String VAR_HANDLING_OUTCOME_LABEL = "handlingOutcomeLabel";
  public static final String VAR_REPLY_REVIEW_DECISION = "replyReviewDecision";
  public static final String VAR_REPLY_REVIEW_NOTE = "replyReviewNote";
  /** The citizen's own online rating, shown on the return-visit form when they were not satisfied. */
  public static final String VAR_CITIZEN_RATING = "citizenRating";

  // variables: return visit (回访)
  public static final String VAR_SATISFACTION = "satisfaction";
  public static final String VAR_VISIT_NOTE = "visitNote";
  public static final String VAR_REDO_COUNT = "redoCount";

  private AppealProcess() {
  }
}
