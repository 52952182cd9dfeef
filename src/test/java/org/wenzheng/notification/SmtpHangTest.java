package org.wenzheng.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengTest;

/**
 * The mail server hangs: it accepts connections and never answers. No request and no process step waits for it:
 * appeals are received and rejected as quickly as ever, health stays UP; the messages wait in the outbox with the
 * timeout as their error, and go out once each when the server answers again.
 */
@WenzhengTest
class SmtpHangTest {

  @Autowired Scenario scenario;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  private List<SmtpOutageTest.Row> outbox(List<Appeal> appeals) {
    return SmtpOutageTest.outbox(jdbc, appeals);
  }

  @Test
  void shouldLetNoRequestOrStepWaitForAHangingMailServer() {
    SmtpOutageTest.awaitOutboxIdle(jdbc);
    TestMail.hang();
    List<Appeal> rejected = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Appeal appeal = quickly(() -> scenario.submit());
        quicklyDo(() -> scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of(
            AppealProcess.VAR_REVIEW_DECISION, "REJECT", AppealProcess.VAR_REJECT_REASON, "OUT_OF_SCOPE",
            AppealProcess.VAR_REJECT_NOTE, "属于司法程序，请向人民法院起诉。")));
        rejected.add(appeal);
      }
      assertThat(rejected).allSatisfy(a -> assertThat(scenario.reload(a).status()).isEqualTo(AppealStatus.REJECTED));
      // The mail server's state is not the application's: health answers at once, and UP.
      Api.Response health = quickly(() -> new Api(port).get("/actuator/health", null));
      assertThat(health.status()).as(health.body()).isEqualTo(200);
      // Each message was tried, timed out, and waits with its error.
      await().atMost(Duration.ofSeconds(60)).until(() -> outbox(rejected).stream().allMatch(r -> r.attempts() >= 1));
      assertThat(outbox(rejected)).hasSize(3).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo("PENDING");
        assertThat(r.lastError()).containsIgnoringCase("timed out");
      });
    } finally {
      TestMail.restart();
    }

    ClockUtil.setCurrentTime(java.util.Date.from(EngineClock.now().plusSeconds(31)));
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox(rejected).stream()
        .allMatch(r -> r.status().equals("SENT")));
    for (SmtpOutageTest.Row row : outbox(rejected)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !TestMail.to(row.recipient()).isEmpty());
      assertThat(TestMail.to(row.recipient())).hasSize(1);
    }
  }

  /** Runs a step and checks that it took less than two seconds. */
  private static <T> T quickly(Supplier<T> step) {
    long start = System.nanoTime();
    T result = step.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    return result;
  }

  private static void quicklyDo(Runnable step) {
    quickly(() -> {
      step.run();
      return null;
    });
  }
}
