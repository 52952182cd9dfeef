package org.wenzheng.deadline;

import static org.wenzheng.calendar.EngineClock.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.calendar.Basis;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;

/** {@code appeal_clock}; the appeal's own deadline columns are set through {@link AppealRepository}. */
@Repository
class ClockRepository {

  private static final String COLUMNS = """
      id, appeal_id, kind, department_code, allowed, basis, started_at, reminder_at, due_at, reminded_at, overdue_at,
      stopped_at, stop_reason, overdue, frozen""";

  private final JdbcClient jdbc;
  private final AppealRepository appeals;

  ClockRepository(JdbcClient jdbc, AppealRepository appeals) {
    this.jdbc = jdbc;
    this.appeals = appeals;
  }

  Optional<Clock> open(long appealId, ClockKind kind) {
    return jdbc.sql("select " + COLUMNS + " from appeal_clock where appeal_id = ? and kind = ? and stopped_at is null "
        + "order by id desc limit 1").params(appealId, kind.name()).query(Rows.of(Clock.class)).optional();
  }

  List<Clock> of(long appealId) {
    return jdbc.sql("select " + COLUMNS + " from appeal_clock where appeal_id = ? order by id").param(appealId)
        .query(Rows.of(Clock.class)).list();
  }

  /** Open working-time clocks whose span touches [from, to]. */
  List<Clock> openWorkingClocksTouching(Instant from, Instant to) {
    return jdbc.sql("select " + COLUMNS + " from appeal_clock where stopped_at is null and basis = 'WORKING' "
            + "and started_at <= ? and due_at >= ? order by id")
        .params(utc(to), utc(from)).query(Rows.of(Clock.class)).list();
  }

  long start(long appealId, ClockKind kind, String department, String allowed, Basis basis, Instant started,
      Instant reminder, Instant due) {
    long id = jdbc.sql("""
            insert into appeal_clock (appeal_id, kind, department_code, allowed, basis, started_at, reminder_at, due_at)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(appealId, kind.name(), department, allowed, basis.name(), utc(started), utc(reminder), utc(due))
        .query(Long.class).single();
    setAppealDue(appealId, kind, due);
    return id;
  }

  void moveDue(Clock clock, Instant reminder, Instant due) {
    jdbc.sql("update appeal_clock set reminder_at = ?, due_at = ? where id = ?")
        .params(utc(reminder), utc(due), clock.id()).update();
    setAppealDue(clock.appealId(), clock.kind(), due);
  }

  void markReminded(Clock clock) {
    jdbc.sql("update appeal_clock set reminded_at = ? where id = ?").params(EngineClock.nowUtc(), clock.id()).update();
  }

  void clearReminded(Clock clock) {
    jdbc.sql("update appeal_clock set reminded_at = null where id = ?").param(clock.id()).update();
  }

  void markOverdue(Clock clock) {
    jdbc.sql("update appeal_clock set overdue = true, overdue_at = ? where id = ? and not frozen")
        .params(EngineClock.nowUtc(), clock.id()).update();
    setAppealOverdue(clock.appealId(), clock.kind());
  }

  /** Runs the last clock of this kind again, if it stopped because its step was done. */
  Optional<Clock> reopenLast(long appealId, ClockKind kind) {
    return jdbc.sql("""
            update appeal_clock set stopped_at = null, stop_reason = null, frozen = false
            where id = (select max(id) from appeal_clock where appeal_id = ? and kind = ?) and stop_reason = 'DONE'
            returning\s""" + COLUMNS).params(appealId, kind.name()).query(Rows.of(Clock.class)).optional();
  }

  /** Stops and freezes the clock: late if the step completed after the due instant, whatever the timer did. */
  boolean stop(Clock clock, String reason) {
    OffsetDateTime now = EngineClock.nowUtc();
    boolean late = clock.overdue() || now.isAfter(clock.dueAt());
    jdbc.sql("""
            update appeal_clock set stopped_at = ?, stop_reason = ?, overdue = ?, frozen = true
            where id = ? and stopped_at is null""")
        .params(now, reason, late, clock.id()).update();
    if (late) {
      setAppealOverdue(clock.appealId(), clock.kind());
    }
    return late;
  }

  /** The appeal keeps the current due instants: the appeal's own table, written by the appeal. */
  private void setAppealDue(long appealId, ClockKind kind, Instant due) {
    if (kind == ClockKind.RESPONSE) {
      appeals.recordResponseDue(appealId, due);
    } else {
      appeals.recordResolutionDue(appealId, due);
    }
  }

  private void setAppealOverdue(long appealId, ClockKind kind) {
    if (kind == ClockKind.RESPONSE) {
      appeals.markResponseOverdue(appealId);
    } else {
      appeals.markResolutionOverdue(appealId);
    }
  }

}
