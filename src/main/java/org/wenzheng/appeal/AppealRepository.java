package org.wenzheng.appeal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;

/**
 * The appeal table. Each method is one step of the lifecycle and runs inside the engine's transaction for that step,
 * so the table and the process instance move together or not at all.
 */
@Repository
@NamedInterface("records")
public class AppealRepository {

  private static final String COLUMNS = """
      id, tracking_number, channel, channel_message_id, title, content, requested_type, mailbox_code,
      citizen_name, citizen_phone, citizen_email, district, street, address, status, process_instance_id,
      appeal_type, complexity, department_code, dispatch_note, reject_reason, reject_note, handling_outcome,
      reply_text, returns_count, redo_count, satisfaction, visit_note, conclusion, received_at, reviewed_at,
      dispatched_at, acknowledged_at, handled_at, replied_at, visited_at, concluded_at, archived_at, updated_at,
      urgent, response_due_at, resolution_due_at, response_overdue, resolution_overdue, return_allowed,
      merged_into, rating_closes_at, rated_by, publishable""";

  private final JdbcClient jdbc;

  AppealRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Next value of the tracking sequence (never reused, gaps allowed). */
  public long nextTrackingSequence() {
    return jdbc.sql("select nextval('appeal_tracking_seq')").query(Long.class).single();
  }

  /**
   * Inserts the appeal unless the same channel message was registered before. Concurrent twins block on the unique
   * index until the first commits; the loser then sees the conflict and inserts nothing.
   *
   * @return the new appeal's id, or empty when the channel message is already known
   */
  public Optional<Long> insertIfAbsent(NewAppeal a, String trackingNumber) {
    OffsetDateTime now = EngineClock.nowUtc();
    try {
      return Optional.of(jdbc.sql("""
              insert into appeal (tracking_number, channel, channel_message_id, title, content, requested_type,
                  mailbox_code, citizen_name, citizen_phone, citizen_email, district, street, address, status,
                  urgent, publishable, lat, lon, received_at, updated_at)
              values (:tracking, :channel, :messageId, :title, :content, :requestedType, :mailbox, :name, :phone,
                  :email, :district, :street, :address, :status, :urgent, :publishable, :lat, :lon, :now, :now)
              on conflict (channel, channel_message_id) do nothing
              returning id""")
          .param("tracking", trackingNumber)
          .param("channel", a.channel().name())
          .param("messageId", a.channelMessageId())
          .param("title", a.title())
          .param("content", a.content())
          .param("requestedType", a.requestedType() == null ? null : a.requestedType().name())
          .param("mailbox", a.mailboxCode())
          .param("name", a.citizenName())
          .param("phone", a.citizenPhone())
          .param("email", a.citizenEmail())
          .param("district", a.district())
          .param("street", a.street())
          .param("address", a.address())
          .param("status", AppealStatus.PENDING_REVIEW.name())
          .param("urgent", a.urgent())
          .param("publishable", a.publishable())
          .param("lat", a.latitude())
          .param("lon", a.longitude())
          .param("now", now)
          .query(Long.class).single());
    } catch (EmptyResultDataAccessException conflict) {
      return Optional.empty();
    }
  }

  public Optional<Appeal> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from appeal where id = ?").param(id).query(Rows.of(Appeal.class)).optional();
  }

  public Appeal get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("appeal " + id + " does not exist"));
  }

  public Optional<Appeal> findByTrackingNumber(String trackingNumber) {
    return jdbc.sql("select " + COLUMNS + " from appeal where tracking_number = ?")
        .param(trackingNumber).query(Rows.of(Appeal.class)).optional();
  }

  public Optional<Appeal> findByChannelMessage(Channel channel, String channelMessageId) {
    return jdbc.sql("select " + COLUMNS + " from appeal where channel = ? and channel_message_id = ?")
        .params(channel.name(), channelMessageId).query(Rows.of(Appeal.class)).optional();
  }

  /** Whether intake has just registered this appeal and its process has not started yet. */
  public boolean awaitsItsProcess(String trackingNumber) {
    return jdbc.sql("select exists (select 1 from appeal where tracking_number = ? and status = ? "
        + "and process_instance_id is null)").params(trackingNumber, AppealStatus.PENDING_REVIEW.name())
        .query(Boolean.class).single();
  }

  /** Whether this unit ever held the appeal (it was dispatched to it, or it returned it). */
  public boolean wasEverWithUnit(long appealId, String unitCode) {
    return jdbc.sql("""
            select exists (select 1 from appeal where id = :id and department_code = :unit)
                or exists (select 1 from appeal_return where appeal_id = :id and department_code = :unit)""")
        .param("id", appealId).param("unit", unitCode).query(Boolean.class).single();
  }

  /**
   * The latest appeals received since {@code since} (newest first, at most {@code limit}) in one of {@code statuses},
   * not merged into another, from the same phone as this appeal or about the same place (district and street):
   * the candidates for the duplicate check at review.
   */
  public List<Appeal> samePhoneOrPlace(Appeal appeal, OffsetDateTime since, Set<AppealStatus> statuses, int limit) {
    return jdbc.sql("select " + COLUMNS + """
             from appeal
            where id <> :id and received_at >= :since and merged_into is null and status in %s
              and ((cast(:phone as varchar) is not null and citizen_phone = :phone)
                or (cast(:district as varchar) is not null and district = :district
                    and coalesce(street, '') = coalesce(cast(:street as varchar), '')))
            order by received_at desc limit :limit""".formatted(AppealStatus.sql(statuses)))
        .param("id", appeal.id()).param("since", since).param("phone", appeal.citizenPhone())
        .param("district", appeal.district()).param("street", appeal.street()).param("limit", limit)
        .query(Rows.of(Appeal.class)).list();
  }

  /** The appeal, locked until the caller's transaction ends: two answers or ratings at once are taken one by one. */
  public Appeal lockForUpdate(long id) {
    return jdbc.sql("select id from appeal where id = ? for update").param(id).query(Long.class).optional()
        .map(this::get).orElseThrow();
  }

  public void attachProcessInstance(long id, String processInstanceId) {
    update("update appeal set process_instance_id = :pi, updated_at = :now where id = :id",
        "pi", processInstanceId, id);
  }

  public void recordAccepted(long id, AppealType type, Complexity complexity, String departmentCode,
      String dispatchNote, boolean urgent) {
    jdbc.sql("""
            update appeal set appeal_type = :type, complexity = :complexity, department_code = :dept,
                dispatch_note = :note, urgent = :urgent, reject_reason = null, reject_note = null, reviewed_at = :now,
                updated_at = :now
            where id = :id""")
        .param("type", type.name()).param("complexity", complexity.name()).param("dept", departmentCode)
        .param("note", dispatchNote).param("urgent", urgent).param("now", EngineClock.nowUtc()).param("id", id)
        .update();
  }

  public void recordRejected(long id, RejectReason reason, String note) {
    jdbc.sql("""
            update appeal set status = :status, reject_reason = :reason, reject_note = :note, reviewed_at = :now,
                updated_at = :now
            where id = :id""")
        .param("status", AppealStatus.REJECTED.name()).param("reason", reason.name()).param("note", note)
        .param("now", EngineClock.nowUtc()).param("id", id).update();
  }

  /** The response clock's current due instant (set on dispatch, moved by a supervision notice or a new calendar). */
  public void recordResponseDue(long id, Instant due) {
    setInstant(id, "response_due_at", due);
  }

  /** The resolution clock's current due instant. */
  public void recordResolutionDue(long id, Instant due) {
    setInstant(id, "resolution_due_at", due);
  }

  /** The response was late (sticky: it stays set, for the figures). */
  public void markResponseOverdue(long id) {
    jdbc.sql("update appeal set response_overdue = true, updated_at = ? where id = ?")
        .params(EngineClock.nowUtc(), id).update();
  }

  /** The resolution was late (sticky). */
  public void markResolutionOverdue(long id) {
    jdbc.sql("update appeal set resolution_overdue = true, updated_at = ? where id = ?")
        .params(EngineClock.nowUtc(), id).update();
  }

  private void setInstant(long id, String column, Instant at) {
    jdbc.sql("update appeal set " + column + " = ?, updated_at = ? where id = ?")
        .params(EngineClock.utc(at), EngineClock.nowUtc(), id).update();
  }

  public void recordDispatched(long id) {
    setStatusAndTime(id, AppealStatus.DISPATCHED, "dispatched_at");
  }

  public void recordAcknowledged(long id) {
    setStatusAndTime(id, AppealStatus.HANDLING, "acknowledged_at");
  }

  /** The unit's reply, which the dispatch centre reviews before it goes out. */
  public void recordHandled(long id, HandlingOutcome outcome, String replyText) {
    jdbc.sql("""
            update appeal set status = :status, handling_outcome = :outcome, reply_text = :reply, handled_at = :now,
                updated_at = :now
            where id = :id""")
        .param("status", AppealStatus.REPLY_REVIEW.name()).param("outcome", outcome.name()).param("reply", replyText)
        .param("now", EngineClock.nowUtc()).param("id", id).update();
  }

  /** A duplicate merged into its primary appeal at review (合并): it is not handled on its own. */
  public void recordMerged(long id, long primaryId) {
    jdbc.sql("""
            update appeal set status = :status, merged_into = :primary, reviewed_at = :now, updated_at = :now
            where id = :id""")
        .param("status", AppealStatus.MERGED.name()).param("primary", primaryId).param("now", EngineClock.nowUtc())
        .param("id", id).update();
  }

  /** The appeals merged into this one. */
  public List<Appeal> mergedInto(long primaryId) {
    return jdbc.sql("select " + COLUMNS + " from appeal where merged_into = ? order by id").param(primaryId)
        .query(Rows.of(Appeal.class)).list();
  }

  /** A merged duplicate receives its primary's reply. */
  public void shareReply(long mergedId, Appeal primary) {
    jdbc.sql("""
            update appeal set department_code = :unit, handling_outcome = :outcome, reply_text = :reply,
                replied_at = :now, updated_at = :now
            where id = :id""")
        .param("unit", primary.departmentCode()).param("outcome", primary.handlingOutcome().name())
        .param("reply", primary.replyText()).param("now", EngineClock.nowUtc()).param("id", mergedId).update();
  }

  /** The reply went out: the citizen may rate it online until the given instant. */
  public void recordReplied(long id, OffsetDateTime ratingClosesAt) {
    jdbc.sql("""
            update appeal set status = :status, replied_at = :now, rating_closes_at = :closes, updated_at = :now
            where id = :id""")
        .param("status", AppealStatus.REPLIED.name()).param("now", EngineClock.nowUtc())
        .param("closes", ratingClosesAt).param("id", id).update();
  }

  /** Counts a return against the unit and hands the appeal back to the dispatch centre. */
  public void recordReturn(long id, String departmentCode, String reason, String returnedBy) {
    OffsetDateTime now = EngineClock.nowUtc();
    jdbc.sql("""
            insert into appeal_return (appeal_id, department_code, reason, returned_by, returned_at)
            values (?, ?, ?, ?, ?)""")
        .params(id, departmentCode, reason, returnedBy, now).update();
    jdbc.sql("""
            update appeal set status = :status, returns_count = returns_count + 1, handling_outcome = :outcome,
                updated_at = :now
            where id = :id""")
        .param("status", AppealStatus.RETURNED.name()).param("outcome", HandlingOutcome.RETURNED.name())
        .param("now", now).param("id", id).update();
  }

  /** One return of the appeal, with the dispatch centre's decision on it (null while undecided). */
  public record Return(long id, String departmentCode, String reason, String returnedBy, OffsetDateTime returnedAt,
      Boolean justified, String decision, String decisionNote) {
  }

  public List<Return> returns(long appealId) {
    return jdbc.sql("""
            select id, department_code, reason, returned_by, returned_at, justified, decision, decision_note
            from appeal_return where appeal_id = ? order by id""").param(appealId).query(Rows.of(Return.class)).list();
  }

  /** Decides the appeal's latest undecided return: AGREED (justified), REJECTED or, by a dispute ruling, either. */
  public void decideLatestReturn(long appealId, String decision, boolean justified, String note, String decidedBy) {
    jdbc.sql("""
            update appeal_return set decision = ?, justified = ?, decision_note = ?, decided_by = ?, decided_at = ?
            where id = (select max(id) from appeal_return where appeal_id = ? and decision is null)""")
        .params(decision, justified, note, decidedBy, EngineClock.nowUtc(), appealId).update();
  }

  /** How many of this unit's returns of this appeal were found unjustified. */
  public int unjustifiedReturns(long appealId, String unitCode) {
    return jdbc.sql("select count(*) from appeal_return where appeal_id = ? and department_code = ? "
        + "and justified = false").params(appealId, unitCode).query(Integer.class).single();
  }

  /** The rejected return goes back to the unit, which keeps handling on the same clock. */
  public void backToUnit(long id) {
    jdbc.sql("update appeal set status = ?, handling_outcome = null, updated_at = ? where id = ?")
        .params(AppealStatus.HANDLING.name(), EngineClock.nowUtc(), id).update();
  }

  /**
   * A dispute ruling is the decision that follows every return of the appeal: the lead unit's returns were not
   * justified (it was its business after all), other units' returns were.
   */
  public void applyDisputeRuling(long appealId, String leadUnit, String note, String decidedBy) {
    jdbc.sql("""
            update appeal_return set justified = (department_code <> :lead),
                decision = coalesce(decision, 'DISPUTE'), decision_note = coalesce(decision_note, :note),
                decided_by = coalesce(decided_by, :by), decided_at = coalesce(decided_at, :now)
            where appeal_id = :id""")
        .param("lead", leadUnit).param("note", note).param("by", decidedBy).param("now", EngineClock.nowUtc())
        .param("id", appealId).update();
  }

  /** A dispute ruling: the lead unit holds the appeal and may not return it (首接负责制). */
  public void designateLead(long id, String leadUnit) {
    jdbc.sql("update appeal set department_code = ?, return_allowed = false, updated_at = ? where id = ?")
        .params(leadUnit, EngineClock.nowUtc(), id).update();
  }

  public int returnsCount(long id) {
    return jdbc.sql("select returns_count from appeal where id = ?").param(id).query(Integer.class).single();
  }

  /** The rating of the reply: by the citizen online, or by the dispatch centre on the return visit. */
  public void recordVisit(long id, Satisfaction satisfaction, String note, String ratedBy) {
    jdbc.sql("""
            update appeal set satisfaction = :satisfaction, visit_note = :note, visited_at = :now, rated_by = :by,
                rating_closes_at = null, updated_at = :now
            where id = :id""")
        .param("satisfaction", satisfaction.name()).param("note", note).param("now", EngineClock.nowUtc())
        .param("by", ratedBy).param("id", id).update();
  }

  /** Sends the appeal back to its unit for a redo (重办). */
  public int startRedo(long id) {
    return jdbc.sql("""
            update appeal set status = :status, redo_count = redo_count + 1, updated_at = :now
            where id = :id returning redo_count""")
        .param("status", AppealStatus.HANDLING.name()).param("now", EngineClock.nowUtc()).param("id", id)
        .query(Integer.class).single();
  }

  public void recordConcluded(long id, Conclusion conclusion) {
    jdbc.sql("""
            update appeal set status = :status, conclusion = :conclusion, concluded_at = :now, updated_at = :now
            where id = :id""")
        .param("status", AppealStatus.CONCLUDED.name()).param("conclusion", conclusion.name())
        .param("now", EngineClock.nowUtc()).param("id", id).update();
  }

  public void recordArchived(long id) {
    setStatusAndTime(id, AppealStatus.ARCHIVED, "archived_at");
  }

  private void setStatusAndTime(long id, AppealStatus status, String timeColumn) {
    jdbc.sql("update appeal set status = :status, " + timeColumn + " = :now, updated_at = :now where id = :id")
        .param("status", status.name()).param("now", EngineClock.nowUtc()).param("id", id).update();
  }

  private void update(String sql, String name, Object value, long id) {
    jdbc.sql(sql).param(name, value).param("now", EngineClock.nowUtc()).param("id", id).update();
  }
}
