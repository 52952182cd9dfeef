package org.wenzheng.accountability;

import static org.wenzheng.calendar.EngineClock.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.calendar.Basis;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.DeadlineDuration;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.calendar.WorkingCalendar;
import org.wenzheng.data.Rows;
import org.wenzheng.directory.Directory;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * 效能问责: a case is opened with the appeal's trace as evidence, the unit's leaders explain in writing within two
 * working days (reminded halfway; without an explanation the case goes on), the supervision office rules, and the
 * ruling (with any points deducted) enters the unit's record.
 */
@Service
@NamedInterface("cases")
public class AccountabilityCases {

  private static final String COLUMNS = """
      id, appeal_id, (select a.tracking_number from published.appeal a where a.id = appeal_id) as tracking_number,
      department_code, trigger, trigger_reason, opened_at, explanation_due_at, explanation,
      explained_by, explained_at, explanation_missing, ruling, points, ruling_note, ruled_by, ruled_at""";

  private final JdbcClient jdbc;
  private final AppealJournal journal;
  private final Calendars calendars;
  private final Notifications notifications;
  private final Directory directory;
  private final IdentityService identityService;
  private final AccountabilityProperties properties;

  AccountabilityCases(JdbcClient jdbc, AppealJournal journal, Calendars calendars, Notifications notifications,
      Directory directory, IdentityService identityService, AccountabilityProperties properties) {
    this.jdbc = jdbc;
    this.journal = journal;
    this.calendars = calendars;
    this.notifications = notifications;
    this.directory = directory;
    this.identityService = identityService;
    this.properties = properties;
  }

  public int maxPoints() {
    return properties.maxPoints();
  }

  /** Opens a case with the appeal's trace so far as its evidence; the unit's leaders are told what to explain. */
  public AccountabilityCase open(Appeal appeal, String departmentCode, String trigger, String reason) {
    Instant now = EngineClock.now();
    Instant due = calendars.current().add(now, DeadlineDuration.parse(properties.explanationTime()), Basis.WORKING);
    String evidence = journal.asJson(appeal.id());
    long id = jdbc.sql("""
            insert into accountability_case (appeal_id, department_code, trigger, trigger_reason, opened_at, evidence,
                explanation_due_at)
            values (?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id""")
        .params(appeal.id(), departmentCode, trigger, reason, utc(now), evidence, utc(due))
        .query(Long.class).single();
    journal.record(appeal.id(), JournalEvent.ACCOUNTABILITY_OPENED, Actor.current(identityService), Map.of(
        "caseId", id, "departmentCode", departmentCode, "trigger", trigger, "reason", reason));
    notifications.toUnitLeaders(appeal, departmentCode, NotificationKind.ACCOUNTABILITY_OPENED,
        Map.of("reason", reason, "dueAt", EngineClock.SHOWN.format(due)));
    return get(id);
  }

  public AccountabilityCase get(long id) {
    return jdbc.sql("select " + COLUMNS + " from accountability_case where id = ?").param(id)
        .query(Rows.of(AccountabilityCase.class)).single();
  }

  /** For the Task_ExplainCase due date and the interrupting timer. */
  public Date explanationDue(long id) {
    return Date.from(get(id).explanationDueAt().toInstant());
  }

  /** For the reminder timer: halfway (by default) through the time to explain, in working time. */
  public Date explanationReminder(long id) {
    AccountabilityCase c = get(id);
    WorkingCalendar calendar = calendars.current();
    return Date.from(calendar.fractionOfTheWay(c.openedAt().toInstant(), c.explanationDueAt().toInstant(),
        Basis.WORKING, properties.reminderShare()));
  }

  public String summary(AccountabilityCase c, Appeal appeal) {
    return "问责事由：" + c.triggerReason() + "。被问责单位：" + directory.unitName(c.departmentCode())
        + "。诉求 " + appeal.trackingNumber() + "“" + appeal.title() + "”，现状态：" + appeal.status().label()
        + "。书面说明期限：" + EngineClock.SHOWN.format(c.explanationDueAt().toInstant()) + "。";
  }

  public void remindExplanation(Appeal appeal, long id) {
    AccountabilityCase c = get(id);
    notifications.toUnitLeaders(appeal, c.departmentCode(), NotificationKind.ACCOUNTABILITY_REMINDER,
        Map.of("dueAt", EngineClock.SHOWN.format(c.explanationDueAt().toInstant())));
    journal.record(appeal.id(), JournalEvent.ACCOUNTABILITY_REMINDED, Actor.SYSTEM, Map.of("caseId", id));
  }

  public void explain(Appeal appeal, long id, String explanation) {
    Actor actor = Actor.current(identityService);
    jdbc.sql("update accountability_case set explanation = ?, explained_by = ?, explained_at = ? where id = ?")
        .params(explanation, actor.userId(), EngineClock.nowUtc(), id).update();
    journal.record(appeal.id(), JournalEvent.ACCOUNTABILITY_EXPLAINED, actor,
        Map.of("caseId", id, "explanation", explanation));
  }

  public void explanationMissing(Appeal appeal, long id) {
    jdbc.sql("update accountability_case set explanation_missing = true where id = ?").param(id).update();
    journal.record(appeal.id(), JournalEvent.ACCOUNTABILITY_NO_EXPLANATION, Actor.SYSTEM, Map.of("caseId", id));
  }

  public void rule(Appeal appeal, long id, Ruling ruling, int points, String note) {
    Actor actor = Actor.current(identityService);
    jdbc.sql("""
            update accountability_case set ruling = ?, points = ?, ruling_note = ?, ruled_by = ?, ruled_at = ?
            where id = ? and ruling is null""")
        .params(ruling.name(), points, note, actor.userId(), EngineClock.nowUtc(), id).update();
    AccountabilityCase c = get(id);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("caseId", id);
    detail.put("departmentCode", c.departmentCode());
    detail.put("ruling", ruling.name());
    detail.put("points", points);
    detail.put("note", note);
    journal.record(appeal.id(), JournalEvent.ACCOUNTABILITY_RULED, actor, detail);
    notifications.toUnitLeaders(appeal, c.departmentCode(), NotificationKind.ACCOUNTABILITY_RULED, Map.of(
        "ruling", ruling.name(), "rulingLabel", ruling.label(), "points", points, "note", note));
  }

  /** A unit's cases opened in [from, to] (Chinese dates). */
  public List<AccountabilityCase> ofDepartment(String departmentCode, LocalDate from, LocalDate to) {
    return jdbc.sql("select " + COLUMNS + " from accountability_case where department_code = ? "
            + "and opened_at >= ? and opened_at < ? order by opened_at")
        .params(departmentCode, startOf(from), startOf(to.plusDays(1))).query(Rows.of(AccountabilityCase.class)).list();
  }

  /** Units publicly criticised (通报批评), newest first: for the public board. */
  public List<AccountabilityCase> publicCriticisms(int limit) {
    return jdbc.sql("select " + COLUMNS + " from accountability_case where ruling = 'PUBLIC_CRITICISM' "
        + "order by ruled_at desc limit ?").param(limit).query(Rows.of(AccountabilityCase.class)).list();
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
  }

}
