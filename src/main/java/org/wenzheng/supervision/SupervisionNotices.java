package org.wenzheng.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.calendar.Basis;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.DeadlineDuration;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.DeadlineMoves;
import org.wenzheng.identity.SystemActions;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * 督办: the supervision office's notice to a unit whose clock ran out. The notice sets a new deadline in working time,
 * which becomes the clock's deadline and the unit's task due date; it is emailed to the unit and its leaders and shown
 * on the unit's task; whether it was met is recorded against the unit.
 */
@Service
public class SupervisionNotices {

  public record Notice(long id, long appealId, String trackingNumber, ClockKind kind, String departmentCode,
      String message, String issuedBy, OffsetDateTime issuedAt, OffsetDateTime deadlineAt, String outcome,
      OffsetDateTime outcomeAt) {
  }

  private static final String COLUMNS = """
      id, appeal_id, (select a.tracking_number from published.appeal a where a.id = appeal_id) as tracking_number,
      kind, department_code, message, issued_by, issued_at,
      deadline_at, outcome, outcome_at""";

  private final JdbcClient jdbc;
  private final Calendars calendars;
  private final DeadlineMoves moves;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final SystemActions system;

  SupervisionNotices(JdbcClient jdbc, Calendars calendars, DeadlineMoves moves, AppealJournal journal,
      Notifications notifications, IdentityService identityService, RuntimeService runtimeService,
      SystemActions system) {
    this.jdbc = jdbc;
    this.calendars = calendars;
    this.moves = moves;
    this.journal = journal;
    this.notifications = notifications;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  public Notice issue(Appeal appeal, ClockKind kind, String message, DeadlineDuration allowed) {
    Actor actor = Actor.current(identityService);
    Instant deadline = calendars.current().add(EngineClock.now(), allowed, Basis.WORKING);
    String unit = appeal.departmentCode();
    long id = jdbc.sql("""
            insert into supervision_notice (appeal_id, kind, department_code, message, issued_by, issued_at,
                deadline_at)
            values (?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(appeal.id(), kind.name(), unit, message, actor.userId(), EngineClock.nowUtc(),
            EngineClock.utc(deadline))
        .query(Long.class).single();
    journal.record(appeal.id(), JournalEvent.SUPERVISED, actor, Map.of("noticeId", id, "kind", kind.name(),
        "departmentCode", unit, "message", message, "deadline", deadline.toString()));
    // The unit works on the new deadline: its clock, its task's due date, and what its form shows.
    moves.move(appeal, kind, deadline, "supervision notice " + id);
    String shown = "督办通知（" + EngineClock.SHOWN.format(EngineClock.now()) + "）：" + message + "　请于 "
        + EngineClock.SHOWN.format(deadline) + " 前落实。";
    system.run(() -> runtimeService.setVariable(appeal.processInstanceId(), AppealProcess.VAR_SUPERVISION_NOTICE,
        shown));
    Map<String, Object> model = Map.of("clockLabel", kind.label(), "message", message,
        "deadlineAt", EngineClock.SHOWN.format(deadline), "issuedBy", actor.userId());
    notifications.toUnit(appeal, unit, NotificationKind.SUPERVISION_NOTICE, model);
    notifications.toUnitLeaders(appeal, unit, NotificationKind.SUPERVISION_NOTICE, model);
    return get(id);
  }

  public Notice get(long id) {
    return jdbc.sql("select " + COLUMNS + " from supervision_notice where id = ?").param(id).query(Rows.of(Notice.class))
        .single();
  }

  /** For the Supervision process's timer: when the notice's deadline passes. */
  public Date deadline(long id) {
    return Date.from(get(id).deadlineAt().toInstant());
  }

  public void recordOutcome(Appeal appeal, long id, String outcome) {
    jdbc.sql("update supervision_notice set outcome = ?, outcome_at = ? where id = ? and outcome is null")
        .params(outcome, EngineClock.nowUtc(), id).update();
    journal.record(appeal.id(), "MET".equals(outcome) ? JournalEvent.SUPERVISION_MET : JournalEvent.SUPERVISION_MISSED,
        Actor.current(identityService), Map.of("noticeId", id));
  }

  public List<Notice> ofDepartment(String departmentCode, LocalDate from, LocalDate to) {
    return jdbc.sql("select " + COLUMNS + " from supervision_notice "
            + "where department_code = ? and issued_at >= ? and issued_at < ? order by issued_at")
        .params(departmentCode, from.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
            to.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
        .query(Rows.of(Notice.class)).list();
  }
}
