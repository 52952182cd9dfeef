package org.wenzheng.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengTest;

/**
 * The mail server goes down in the middle of a working day. The steps that cause messages still complete; every
 * message waits in the outbox with its error; when the server is back, each is delivered exactly once, with the
 * Message-ID it was given when it was written.
 */
@WenzhengTest
class SmtpOutageTest {

  @Autowired Scenario scenario;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void serverAndClockBack() {
    ClockUtil.reset();
  }

  /** A rejection email in the outbox. */
  record Row(long id, String recipient, String status, int attempts, String lastError, String messageId) {
  }

  /** The rejection emails of these appeals, as the outbox holds them. */
  static List<Row> outbox(JdbcClient jdbc, List<Appeal> appeals) {
    return jdbc.sql("select id, recipient, status, attempts, last_error, message_id from notification "
            + "where appeal_id in (:ids) and channel = 'EMAIL' and kind = 'REJECTION' order by id")
        .param("ids", appeals.stream().map(Appeal::id).toList()).query(Row.class).list();
  }

  /** Waits until nothing of earlier tests is still due in the outbox. */
  static void awaitOutboxIdle(JdbcClient jdbc) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from notification "
        + "where status = 'PENDING' and next_attempt_at <= now()").query(Long.class).single() == 0);
  }

  private List<Row> outbox(List<Appeal> appeals) {
    return outbox(jdbc, appeals);
  }

  @Test
  void shouldLoseNoMessageAndSendNoneTwiceWhenTheMailServerIsDown() {
    awaitOutboxIdle(jdbc);
    TestMail.stop();
    List<Appeal> rejected = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        Appeal appeal = scenario.submit();
        scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of(
            AppealProcess.VAR_REVIEW_DECISION, "REJECT", AppealProcess.VAR_REJECT_REASON, "OUT_OF_SCOPE",
            AppealProcess.VAR_REJECT_NOTE, "属于司法程序，请向人民法院起诉。"));
        rejected.add(appeal);
      }
      // The steps completed; each message was tried at once, failed, and waits with its error.
      assertThat(rejected).allSatisfy(a -> assertThat(scenario.reload(a).status()).isEqualTo(AppealStatus.REJECTED));
      await().atMost(Duration.ofSeconds(20)).until(() -> outbox(rejected).stream()
          .allMatch(r -> r.attempts() >= 1));
      assertThat(outbox(rejected)).hasSize(5).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo("PENDING");
        assertThat(r.lastError()).isNotBlank();
      });
    } finally {
      TestMail.restart();
    }

    // Half a minute later (the first retry), the poller finds them all and sends each once.
    ClockUtil.setCurrentTime(java.util.Date.from(EngineClock.now().plusSeconds(31)));
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox(rejected).stream()
        .allMatch(r -> r.status().equals("SENT")));
    ClockUtil.reset();
    for (Row row : outbox(rejected)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !TestMail.to(row.recipient()).isEmpty());
      List<MimeMessage> received = TestMail.to(row.recipient());
      assertThat(received).hasSize(1);
      assertThat(messageId(received.get(0))).isEqualTo(row.messageId());
      assertThat(TestMail.body(received.get(0))).contains("属于司法程序");
    }
    // More polling changes nothing: no message goes out a second time.
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
    for (Row row : outbox(rejected)) {
      assertThat(TestMail.to(row.recipient())).hasSize(1);
    }
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
