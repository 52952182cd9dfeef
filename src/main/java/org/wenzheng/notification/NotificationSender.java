package org.wenzheng.notification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;

/**
 * Sends what the outbox holds. Each message is claimed with {@code FOR UPDATE SKIP LOCKED}, so two threads or two
 * nodes never send the same one, and marked sent in the same transaction; a failure leaves it pending with the error
 * and a later attempt time (30 s doubling up to 15 min). A message stays pending, and visible, until it is sent.
 */
@Component
class NotificationSender implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration MAX_RETRY = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  /** Its own small pool: sending mail must never take a thread from the job executor or the web server. */
  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
  private final AppealJournal journal;
  private final Map<String, OutboundChannel> channels = new HashMap<>();

  NotificationSender(JdbcClient jdbc, TransactionTemplate tx, AppealJournal journal, List<OutboundChannel> adapters) {
    this.jdbc = jdbc;
    this.tx = tx;
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setQueueCapacity(10_000);
    executor.setThreadNamePrefix("outbox-");
    executor.initialize();
    this.journal = journal;
    adapters.forEach(a -> channels.put(a.channel(), a));
    RecordingChannel.CHANNELS.forEach(c -> channels.putIfAbsent(c, new RecordingChannel(c)));
  }

  /**
   * Called after the producing transaction commits: try at once, off the caller's thread. Never throws: the step has
   * committed, and the message is safe in the outbox; if the pool is saturated (a burst of thousands of reminders),
   * the poller sends it within its interval.
   */
  void sendSoon(long id) {
    try {
      executor.execute(() -> {
        try {
          sendOne(id);
        } catch (RuntimeException e) {
          log.warn("Notification {} could not be sent now; the outbox will retry: {}", id, e.toString());
        }
      });
    } catch (TaskRejectedException full) {
      log.debug("Outbox pool busy; notification {} waits for the poller", id);
    }
  }

  @Scheduled(fixedDelayString = "${wenzheng.notification.poll-interval}",
      initialDelayString = "${wenzheng.notification.poll-interval}")
  void sendDue() {
    List<Long> due = jdbc.sql("""
            select id from notification where status = 'PENDING' and next_attempt_at <= ?
            order by next_attempt_at limit 100""")
        .param(EngineClock.nowUtc()).query(Long.class).list();
    for (long id : due) {
      sendOne(id);
    }
  }

  /** @return true when the message was sent by this call */
  boolean sendOne(long id) {
    Boolean sent = tx.execute(status -> {
      var row = jdbc.sql("""
              select id, appeal_id, channel, recipient, subject, body, message_id, attempts
              from notification where id = ? and status = 'PENDING' and next_attempt_at <= ?
              for update skip locked""")
          .params(id, EngineClock.nowUtc()).query(Rows.of(Pending.class)).optional();
      if (row.isEmpty()) {
        // Sent already, another sender holds it, or it has just failed and waits for its retry: an immediate
        // attempt racing the poller must not try again at once (and double the wait).
        return false;
      }
      Pending n = row.get();
      OutboundChannel channel = channels.get(n.channel());
      try {
        if (channel == null) {
          throw new IllegalStateException("no adapter for channel " + n.channel());
        }
        channel.send(new OutboundChannel.OutboundMessage(n.id(), n.channel(), n.recipient(), n.subject(), n.body(),
            n.messageId()));
      } catch (Exception e) {
        int attempts = n.attempts() + 1;
        Duration wait = retryDelay(attempts);
        jdbc.sql("""
                update notification set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?""")
            .params(attempts, abbreviate(e.toString()), EngineClock.nowUtc().plus(wait), id).update();
        log.warn("Sending notification {} via {} failed (attempt {}), next try in {}: {}", id, n.channel(),
            attempts, wait, e.toString());
        return false;
      }
      jdbc.sql("update notification set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null "
          + "where id = ?").params(EngineClock.nowUtc(), id).update();
      if (n.appealId() != null) {
        journal.record(n.appealId(), JournalEvent.NOTIFICATION_SENT, Actor.SYSTEM,
            Map.of("notificationId", id, "channel", n.channel(), "messageId", n.messageId()));
      }
      return true;
    });
    return Boolean.TRUE.equals(sent);
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }

  static Duration retryDelay(int attempts) {
    long factor = 1L << Math.min(attempts - 1, 10);
    Duration d = FIRST_RETRY.multipliedBy(factor);
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  private static String abbreviate(String s) {
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }

  record Pending(long id, Long appealId, String channel, String recipient, String subject, String body,
      String messageId, int attempts) {
  }
}
