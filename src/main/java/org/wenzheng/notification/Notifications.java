package org.wenzheng.notification;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Unit;
import org.wenzheng.identity.SystemActions;
import org.wenzheng.security.Groups;

/**
 * Puts messages to citizens and units into the outbox, in the transaction of the step that causes them. Nothing is
 * sent before that step commits, and nothing is lost if sending fails: {@link NotificationSender} retries.
 */
@Service
@NamedInterface("messages")
public class Notifications {

  private final JdbcClient jdbc;
  private final MessageTemplates templates;
  private final Directory directory;
  private final AppealJournal journal;
  private final IdentityService identityService;
  private final NotificationSender sender;
  private final String messageIdDomain;
  private final SystemActions system;

  Notifications(JdbcClient jdbc, MessageTemplates templates, Directory directory, AppealJournal journal,
      IdentityService identityService, NotificationSender sender, SystemActions system,
      @Value("${wenzheng.mail.message-id-domain}") String messageIdDomain) {
    this.system = system;
    this.jdbc = jdbc;
    this.templates = templates;
    this.directory = directory;
    this.journal = journal;
    this.identityService = identityService;
    this.sender = sender;
    this.messageIdDomain = messageIdDomain;
  }

  /**
   * A message to the citizen, through the best way to reach them: email when they gave one, otherwise the channel
   * they wrote through (a reply to their post or message), otherwise a text message to their phone.
   *
   * @return the notification id, or empty when the citizen left no way to reach them
   */
  public Optional<Long> toCitizen(Appeal appeal, NotificationKind kind, Map<String, ?> model) {
    Optional<Recipient> recipient = citizenRecipient(appeal);
    if (recipient.isEmpty()) {
      journal.record(appeal.id(), JournalEvent.NOTIFICATION_UNDELIVERABLE, Actor.current(identityService),
          Map.of("kind", kind.name(), "reason", "诉求人未留下联系方式，答复仅在查询页公布"));
      return Optional.empty();
    }
    return Optional.of(enqueue(appeal, kind, recipient.get(), model));
  }

  /** A message to a unit's duty mailbox. */
  public Optional<Long> toUnit(Appeal appeal, String unitCode, NotificationKind kind, Map<String, ?> model) {
    Optional<Unit> unit = directory.unit(unitCode).filter(u -> u.email() != null && !u.email().isBlank());
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> withUnit = new LinkedHashMap<>(model);
    withUnit.put("unitName", unit.get().name());
    return Optional.of(enqueue(appeal, kind, new Recipient(EmailChannel.CHANNEL, unit.get().email()), withUnit));
  }

  /**
   * A message to each leader of a unit (the users of its {@code <code>leaders} group who have an email address), e.g.
   * a supervision notice, which is copied to the unit's leader.
   *
   * @return how many leaders were written to
   */
  public int toUnitLeaders(Appeal appeal, String unitCode, NotificationKind kind, Map<String, ?> model) {
    List<String> emails = system.call(() -> identityService.createUserQuery()
        .memberOfGroup(Groups.leadersOf(unitCode)).list().stream()
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toList());
    Map<String, Object> withUnit = new LinkedHashMap<>(model);
    withUnit.put("unitName", directory.unitName(unitCode) + "负责同志");
    emails.forEach(e -> enqueue(appeal, kind, new Recipient(EmailChannel.CHANNEL, e), withUnit));
    return emails.size();
  }

  /**
   * A message about no appeal in particular (a report) to an email address. {@code key} names the message for good
   * (e.g. {@code report.month.2026-11}): it becomes the Message-ID, so asking twice for the same message to the same
   * address sends it once.
   *
   * @return the notification id, or empty when this message was already written for this address
   */
  public Optional<Long> toAddress(String email, String key, NotificationKind kind, Map<String, ?> model) {
    MessageTemplates.Rendered message = templates.render(kind, new LinkedHashMap<>(model));
    String messageId = "<" + key + "." + Integer.toHexString(email.toLowerCase(java.util.Locale.ROOT).hashCode())
        + "@" + messageIdDomain + ">";
    var now = EngineClock.nowUtc();
    Optional<Long> id = jdbc.sql("""
            insert into notification (appeal_id, kind, channel, recipient, subject, body, message_id, created_at,
                next_attempt_at)
            values (null, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing returning id""")
        .params(kind.name(), EmailChannel.CHANNEL, email, message.subject(), message.body(), messageId, now, now)
        .query(Long.class).optional();
    id.ifPresent(n -> afterCommit(() -> sender.sendSoon(n)));
    return id;
  }

  /** Whether a message can reach this appeal's citizen at all (email, their channel, or a mobile phone). */
  public boolean canReachCitizen(Appeal appeal) {
    return citizenRecipient(appeal).isPresent();
  }

  static Optional<Recipient> citizenRecipient(Appeal a) {
    if (a.citizenEmail() != null) {
      return Optional.of(new Recipient(EmailChannel.CHANNEL, a.citizenEmail()));
    }
    switch (a.channel()) {
      case WEIBO, WECHAT, ALIPAY, APP -> {
        // The adapter answers in the conversation the citizen started.
        return Optional.of(new Recipient(a.channel().name(), a.channelMessageId()));
      }
      default -> {
        if (a.citizenPhone() != null && a.citizenPhone().startsWith("1")) {
          return Optional.of(new Recipient("SMS", a.citizenPhone()));
        }
        return Optional.empty();
      }
    }
  }

  record Recipient(String channel, String address) {
  }

  private long enqueue(Appeal appeal, NotificationKind kind, Recipient to, Map<String, ?> model) {
    Map<String, Object> full = new LinkedHashMap<>(model);
    full.put("trackingNumber", appeal.trackingNumber());
    full.put("title", appeal.title());
    full.put("citizenName", appeal.citizenName() == null ? "市民朋友" : appeal.citizenName());
    full.put("receivedAt", EngineClock.SPOKEN.format(appeal.receivedAt()));
    MessageTemplates.Rendered message = templates.render(kind, full);
    String messageId = "<" + appeal.trackingNumber() + "." + kind.name().toLowerCase() + "."
        + UUID.randomUUID() + "@" + messageIdDomain + ">";
    var now = EngineClock.nowUtc();
    long id = jdbc.sql("""
            insert into notification (appeal_id, kind, channel, recipient, subject, body, message_id, created_at,
                next_attempt_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(appeal.id(), kind.name(), to.channel(), to.address(), message.subject(), message.body(), messageId,
            now, now)
        .query(Long.class).single();
    journal.record(appeal.id(), JournalEvent.NOTIFICATION_QUEUED, Actor.current(identityService),
        Map.of("notificationId", id, "kind", kind.name(), "channel", to.channel(), "subject", message.subject()));
    afterCommit(() -> sender.sendSoon(id));
    return id;
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          // An exception here would reach the caller after its work committed (a 500 for a successful request, a
          // "failed" job that in fact completed): the outbox poller covers anything not sent now.
          try {
            action.run();
          } catch (RuntimeException e) {
            LoggerFactory.getLogger(Notifications.class).warn("Immediate send not started: {}", e.toString());
          }
        }
      });
    }
    // Without a transaction the poller picks the message up within its interval.
  }

  /** A message to the citizen or a unit as the outbox holds it: to whom, what, and whether and when it went out. */
  public record Message(long id, String kind, String channel, String recipient, String subject, String body,
      String messageId, String status, int attempts, String lastError, OffsetDateTime createdAt,
      OffsetDateTime sentAt) {
  }

  /** Every message about the appeal, oldest first (for its audit trail). */
  public List<Message> ofAppeal(long appealId) {
    return jdbc.sql("""
            select id, kind, channel, recipient, subject, body, message_id, status, attempts, last_error, created_at,
                   sent_at from notification where appeal_id = ? order by id""")
        .param(appealId).query(Rows.of(Message.class)).list();
  }
}
