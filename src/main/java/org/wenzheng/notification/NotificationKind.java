package org.wenzheng.notification;

import org.springframework.modulith.NamedInterface;

/** What a notification is about; each kind has a template under templates/mail/. */
@NamedInterface("messages")
public enum NotificationKind {
  /** To the citizen: the appeal is not accepted, and why. */
  REJECTION,
  /** To the unit: a new appeal to acknowledge. */
  DISPATCHED,
  /** To the unit: an unsatisfied citizen's appeal comes back for a redo (重办). */
  REDO,
  /** To the unit: a deadline is near (催办). */
  REMINDER,
  /** To the unit: a deadline has passed. */
  OVERDUE,
  /** To the unit and its leaders: the supervision office's notice (督办通知) with a new deadline. */
  SUPERVISION_NOTICE,
  /** To the unit: the dispatch centre does not accept its return; the appeal is back with the unit. */
  RETURN_REJECTED,
  /** To the lead and co-handling units: the supervision office's ruling on a disputed appeal. */
  DISPUTE_RULED,
  /** To the unit's leaders: an extension request waits for their approval. */
  EXTENSION_REQUESTED,
  /** To the unit: its extension request was approved or refused. */
  EXTENSION_DECIDED,
  /** To the citizen: the answer will come later than announced (an approved extension). */
  NEW_EXPECTED_DATE,
  /** To the unit's leaders: an accountability case is opened; a written explanation is due. */
  ACCOUNTABILITY_OPENED,
  /** To the unit's leaders: the explanation is due soon. */
  ACCOUNTABILITY_REMINDER,
  /** To the unit's leaders: the supervision office's ruling. */
  ACCOUNTABILITY_RULED,
  /** To the citizen: the unit's answer. */
  REPLY,
  /** To the citizen: the handler asks for more information (沟通), with a link to answer. */
  QUESTION,
  /** To the unit: the citizen answered its question. */
  ANSWER_RECEIVED,
  /** To the citizen: the appeal was merged into an earlier one about the same matter. */
  MERGED,
  /** To the unit: the dispatch centre sent its reply back to be redone. */
  REPLY_SENT_BACK,
  /** To the city's leaders: the weekly or monthly report (周报, 月报) with the figures and a link to the dashboard. */
  REPORT
}
