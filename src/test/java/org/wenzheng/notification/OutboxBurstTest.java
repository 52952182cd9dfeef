package org.wenzheng.notification;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.support.WenzhengTest;

/**
 * A burst of messages (thousands of reminders falling due at once) fills the immediate-send pool. The step that
 * queued a message has already committed by then, so the overflow must be left to the outbox poller, never thrown
 * back at the step: that would turn a successful request into a 500, or a completed job into a "failed" one.
 */
@WenzhengTest
class OutboxBurstTest {

  @Autowired NotificationSender sender;

  @Test
  void shouldLeaveWhatThePoolCannotTakeToThePoller() {
    assertThatCode(() -> {
      for (int i = 0; i < 20_000; i++) {
        sender.sendSoon(-1 - i); // no such notification: each task finds nothing to send
      }
    }).doesNotThrowAnyException();
  }
}
