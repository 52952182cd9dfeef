package org.wenzheng.supervision;

import static org.wenzheng.calendar.EngineClock.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.calendar.OfficeHours;
import org.wenzheng.calendar.WorkingCalendar;
import org.wenzheng.data.Rows;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.DeadlineMoves;
import org.wenzheng.deadline.Deadlines;
import org.wenzheng.identity.SystemActions;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * 延期: a unit asks, before its deadline and with an objective reason, to answer later. Its leaders and then the
 * supervision office approve; approved, the resolution clock moves to the end of the requested working day and the
 * citizen is told the new expected date; refused, the clock stands and the unit is told why.
 */
@Service
@NamedInterface("supervision")
public class ExtensionRequests {

  public record Extension(long id, long appealId, String trackingNumber, String departmentCode, String reason,
      OffsetDateTime requestedUntil, OffsetDateTime previousDueAt, String requestedBy, OffsetDateTime requestedAt,
      String leaderDecision, String leaderNote, String supervisionDecision, String supervisionNote, String status,
      OffsetDateTime decidedAt) {
  }

  private static final String COLUMNS = """
      id, appeal_id, (select a.tracking_number from published.appeal a where a.id = appeal_id) as tracking_number,
      department_code, reason, requested_until, previous_due_at, requested_by, requested_at,
      leader_decision, leader_note, supervision_decision, supervision_note, status, decided_at""";

  private final JdbcClient jdbc;
  private final Deadlines deadlines;
  private final DeadlineMoves moves;
  private final Calendars calendars;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final SystemActions system;
  private final ExtensionProperties properties;

  ExtensionRequests(JdbcClient jdbc, Deadlines deadlines, DeadlineMoves moves, Calendars calendars, AppealJournal journal,
      Notifications notifications, IdentityService identityService, RuntimeService runtimeService,
      SystemActions system, ExtensionProperties properties) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
    this.moves = moves;
    this.calendars = calendars;
    this.journal = journal;
    this.notifications = notifications;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.system = system;
    this.properties = properties;
  }

  /**
   * A unit's request, made by completing its handling task with the outcome EXTENSION. Refused with a message naming
   * the field when it comes too late, too often, or asks for a day that is not a working day or too far away.
   */
  public Extension request(Appeal appeal, String reason, LocalDate until) {
    Instant now = EngineClock.now();
    Instant due = deadlines.runningDue(appeal.id(), ClockKind.RESOLUTION).orElseThrow(() ->
        new TaskInputRejectedException(AppealProcess.VAR_HANDLING_OUTCOME, "本诉求没有进行中的办结时限，无需延期"));
    if (!now.isBefore(due)) {
      throw new TaskInputRejectedException(AppealProcess.VAR_HANDLING_OUTCOME, "办结时限（"
          + EngineClock.SHOWN.format(due) + "）已过，不能再申请延期，请尽快办理并在答复中说明原因");
    }
    int used = jdbc.sql("select count(*) from extension_request where appeal_id = ? and status in ('PENDING', "
        + "'APPROVED')").param(appeal.id()).query(Integer.class).single();
    if (used >= properties.maxExtensions()) {
      throw new TaskInputRejectedException(AppealProcess.VAR_HANDLING_OUTCOME,
          "每件诉求最多申请延期 " + properties.maxExtensions() + " 次，本件已申请过");
    }
    WorkingCalendar calendar = calendars.current();
    if (!calendar.isWorkingDay(until)) {
      throw new TaskInputRejectedException(AppealProcess.VAR_EXTENSION_UNTIL, until + " 不是工作日");
    }
    Instant newDue = endOfWorkingDay(calendar, until);
    if (!newDue.isAfter(due)) {
      throw new TaskInputRejectedException(AppealProcess.VAR_EXTENSION_UNTIL,
          "应晚于现办结时限 " + EngineClock.SHOWN.format(due));
    }
    Instant limit = calendar.addWorkingDays(due, properties.maxExtensionDays());
    if (newDue.isAfter(limit)) {
      throw new TaskInputRejectedException(AppealProcess.VAR_EXTENSION_UNTIL,
          "最多延长 " + properties.maxExtensionDays() + " 个工作日（至 " + EngineClock.SHOWN.format(limit) + "）");
    }
    Actor actor = Actor.current(identityService);
    long id = jdbc.sql("""
            insert into extension_request (appeal_id, department_code, reason, requested_until, previous_due_at,
                requested_by, requested_at)
            values (?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(appeal.id(), appeal.departmentCode(), reason, utc(newDue), utc(due), actor.userId(), utc(now))
        .query(Long.class).single();
    journal.record(appeal.id(), JournalEvent.EXTENSION_REQUESTED, actor, Map.of("extensionId", id, "reason", reason,
        "until", newDue.toString(), "currentDue", due.toString()));
    notifications.toUnitLeaders(appeal, appeal.departmentCode(), NotificationKind.EXTENSION_REQUESTED, Map.of(
        "requestedUntil", EngineClock.SHOWN.format(newDue), "dueAt", EngineClock.SHOWN.format(due),
        "reason", reason));
    return get(id);
  }

  /**
   * Starts the approval ({@code ExtensionRequest}) of the appeal's pending request that has none yet: the step
   * 发起延期审批 of the Appeal process ({@code Task_StartExtensionApproval}), right after the unit's request.
   */
  public void startApproval(Appeal appeal) {
    Extension e = jdbc.sql("select " + COLUMNS + " from extension_request where appeal_id = ? and status = 'PENDING' "
            + "order by id desc limit 1")
        .param(appeal.id()).query(Rows.of(Extension.class)).optional().orElseThrow(() ->
            new IllegalStateException("no pending extension request for appeal " + appeal.id()));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ExtensionRequestProcess.VAR_EXTENSION_ID, e.id());
    vars.put(AppealProcess.VAR_DEPARTMENT_CODE, e.departmentCode());
    vars.put(AppealProcess.VAR_TRACKING_NUMBER, appeal.trackingNumber());
    vars.put(AppealProcess.VAR_TITLE, appeal.title());
    vars.put(AppealProcess.VAR_EXTENSION_REASON, e.reason());
    vars.put(AppealProcess.VAR_EXTENSION_UNTIL, EngineClock.SHOWN.format(e.requestedUntil().toInstant()));
    vars.put(AppealProcess.VAR_RESOLUTION_DUE_AT, EngineClock.SHOWN.format(e.previousDueAt().toInstant()));
    // Starting the approval is the system's follow-up of the unit's request, not something the unit may do itself.
    system.run(() -> runtimeService.startProcessInstanceByKey(ExtensionRequestProcess.PROCESS_ID,
        appeal.trackingNumber(), vars));
  }

  /** The last office minute of a working day: an extension "until 10 March" runs to 17:30 that day. */
  static Instant endOfWorkingDay(WorkingCalendar calendar, LocalDate day) {
    List<OfficeHours.Period> periods = calendar.officeHours().periods();
    LocalTime end = periods.get(periods.size() - 1).end();
    return day.atTime(end).atZone(calendar.zone()).toInstant();
  }

  public Extension get(long id) {
    return jdbc.sql("select " + COLUMNS + " from extension_request where id = ?").param(id)
        .query(Rows.of(Extension.class)).single();
  }

  public void recordLeaderDecision(Appeal appeal, long id, Decision decision, String note) {
    Actor actor = Actor.current(identityService);
    jdbc.sql("update extension_request set leader_decision = ?, leader_note = ?, leader_by = ?, leader_at = ? "
        + "where id = ?").params(decision.name(), note, actor.userId(), EngineClock.nowUtc(), id).update();
    journal.record(appeal.id(), JournalEvent.extensionByLeader(decision == Decision.APPROVE), actor,
        noteDetail(id, note));
  }

  public void recordSupervisionDecision(Appeal appeal, long id, Decision decision, String note) {
    Actor actor = Actor.current(identityService);
    jdbc.sql("update extension_request set supervision_decision = ?, supervision_note = ?, supervision_by = ?, "
        + "supervision_at = ? where id = ?")
        .params(decision.name(), note, actor.userId(), EngineClock.nowUtc(), id).update();
    journal.record(appeal.id(), JournalEvent.extensionBySupervision(decision == Decision.APPROVE), actor,
        noteDetail(id, note));
  }

  public void grant(Appeal appeal, long id) {
    Extension e = get(id);
    if (deadlines.runningDue(appeal.id(), ClockKind.RESOLUTION).isEmpty()) {
      withdraw(appeal, id);
      return;
    }
    Instant until = e.requestedUntil().toInstant();
    moves.move(appeal, ClockKind.RESOLUTION, until, "extension " + id + " approved");
    setStatus(id, "APPROVED");
    journal.record(appeal.id(), JournalEvent.EXTENSION_APPROVED, Actor.current(identityService),
        Map.of("extensionId", id, "until", until.toString()));
    String shown = EngineClock.SHOWN.format(until);
    system.run(() -> runtimeService.setVariable(appeal.processInstanceId(), AppealProcess.VAR_EXTENSION_STATUS,
        "延期已批准，办结时限延至 " + shown));
    notifications.toUnit(appeal, appeal.departmentCode(), NotificationKind.EXTENSION_DECIDED, Map.of(
        "outcome", "已获批准", "requestedUntil", shown, "note", "同意延期", "dueAt", shown));
    notifications.toCitizen(appeal, NotificationKind.NEW_EXPECTED_DATE, Map.of("dueAt", shown,
        "reason", e.reason()));
  }

  public void refuse(Appeal appeal, long id) {
    Extension e = get(id);
    setStatus(id, "REJECTED");
    String note = "REJECT".equals(e.supervisionDecision()) ? "督查室：" + e.supervisionNote()
        : "单位领导：" + e.leaderNote();
    journal.record(appeal.id(), JournalEvent.EXTENSION_REJECTED, Actor.current(identityService), noteDetail(id, note));
    String due = deadlines.runningDue(appeal.id(), ClockKind.RESOLUTION).map(EngineClock.SHOWN::format)
        .orElse("—");
    system.run(() -> runtimeService.setVariable(appeal.processInstanceId(), AppealProcess.VAR_EXTENSION_STATUS,
        "延期申请未获批准（" + note + "），办结时限不变：" + due));
    notifications.toUnit(appeal, appeal.departmentCode(), NotificationKind.EXTENSION_DECIDED, Map.of(
        "outcome", "未获批准", "requestedUntil", EngineClock.SHOWN.format(e.requestedUntil().toInstant()),
        "note", note, "dueAt", due));
  }

  public void withdraw(Appeal appeal, long id) {
    setStatus(id, "WITHDRAWN");
    journal.record(appeal.id(), JournalEvent.EXTENSION_WITHDRAWN, Actor.SYSTEM, Map.of("extensionId", id,
        "reason", "办理已结束"));
  }

  public List<Extension> ofDepartment(String departmentCode, LocalDate from, LocalDate to) {
    return jdbc.sql("select " + COLUMNS + " from extension_request where department_code = ? "
            + "and requested_at >= ? and requested_at < ? order by requested_at")
        .params(departmentCode, from.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
            to.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
        .query(Rows.of(Extension.class)).list();
  }

  /** Whether a request of this appeal waits for a decision (its approval process is running). */
  boolean hasPending(long appealId) {
    return jdbc.sql("select exists (select 1 from extension_request where appeal_id = ? and status = 'PENDING')")
        .param(appealId).query(Boolean.class).single();
  }

  private void setStatus(long id, String status) {
    jdbc.sql("update extension_request set status = ?, decided_at = ? where id = ? and status = 'PENDING'")
        .params(status, EngineClock.nowUtc(), id).update();
  }

  private static Map<String, Object> noteDetail(long id, String note) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("extensionId", id);
    if (note != null) {
      m.put("note", note);
    }
    return m;
  }

}
