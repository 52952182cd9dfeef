package org.wenzheng.notification;

/** What a notification is about; each kind has a template under templates/mail/. */
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
  /** To the citizen: the unit's answer. */
  REPLY
}
