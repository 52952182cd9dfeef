package org.wenzheng.notification;

/**
 * One way of reaching a person: email, or a channel adapter (SMS gateway, WeChat service account, microblog). The
 * outbox calls {@link #send} after the step that produced the message has committed, and again on failure.
 */
interface OutboundChannel {

  /** The channel this adapter serves, as stored in {@code notification.channel}. */
  String channel();

  /** Delivers the message or throws; must be safe to call again with the same message id after a failure. */
  void send(OutboundMessage message) throws Exception;

  record OutboundMessage(long notificationId, String channel, String recipient, String subject, String body,
      String messageId) {
  }
}
