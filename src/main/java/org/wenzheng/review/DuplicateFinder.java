package org.wenzheng.review;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;
import org.wenzheng.data.Rows;

/**
 * Possible duplicates of an appeal, for the dispatcher to see at review: appeals of the last seven days from the same
 * phone, or about the same place (district and street) with similar words. Only accepted appeals still being worked
 * on are offered: a duplicate is merged into an appeal whose reply is still to come (or has just gone out).
 *
 * <p>One query over the word index ({@code appeal_term}, written once when each appeal arrived): the 50 latest
 * appeals of the same phone or place, and for each how many of this appeal's words it shares. Similarity is the
 * share of the smaller appeal's words found in the other (a short "路灯还是没修" against a long letter about the same
 * lamp counts as similar).
 */
@Component
class DuplicateFinder {

  /** One possible duplicate, as the review form shows it. */
  record Candidate(long id, String trackingNumber, String title, AppealStatus status, String departmentCode,
      OffsetDateTime receivedAt, double similarity, boolean samePhone) {
  }

  static final Duration WINDOW = Duration.ofDays(7);
  static final double SIMILAR = 0.3;
  static final int MAX = 5;
  private final JdbcClient jdbc;
  private final Directory directory;

  DuplicateFinder(JdbcClient jdbc, Directory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  List<Candidate> candidates(Appeal appeal) {
    return jdbc.sql("""
            with mine as (select term from appeal_term where appeal_id = :id),
                 recent as (
                   select id, tracking_number, title, status, department_code, received_at,
                          (cast(:phone as varchar) is not null and citizen_phone = :phone) as same_phone
                   from appeal
                   where id <> :id and received_at >= :since and merged_into is null
                     and status in %s
                     and ((cast(:phone as varchar) is not null and citizen_phone = :phone)
                       or (cast(:district as varchar) is not null and district = :district
                           and coalesce(street, '') = coalesce(cast(:street as varchar), '')))
                   order by received_at desc limit 50),
                 scored as (
                   select r.*,
                          (select count(*) from appeal_term t join mine m on m.term = t.term
                           where t.appeal_id = r.id) as shared,
                          least((select count(*) from mine), coalesce(w.words, 0)) as fewer
                   from recent r left join appeal_words w on w.appeal_id = r.id)
            select id, tracking_number, title, status, department_code, received_at,
                   case when fewer = 0 then 0 else shared::float / fewer end as similarity, same_phone
            from scored
            where same_phone or (fewer > 0 and shared::float / fewer >= :similar)
            order by similarity desc, received_at desc limit :max"""
            .formatted(AppealStatus.sql(AppealStatus.ACCEPTED_OPEN)))
        .param("id", appeal.id()).param("since", appeal.receivedAt().minus(WINDOW))
        .param("phone", appeal.citizenPhone()).param("district", appeal.district()).param("street", appeal.street())
        .param("similar", SIMILAR).param("max", MAX)
        .query(Rows.of(Candidate.class)).list();
  }

  /** One line per candidate, for the review form. */
  String describe(Candidate c) {
    String unit = c.departmentCode() == null ? "" : directory.unitName(c.departmentCode()) + "，";
    return c.trackingNumber() + "（" + EngineClock.SHORT.format(c.receivedAt()) + "，" + unit + c.status().label()
        + "）" + c.title() + " — 相似度 " + Math.round(c.similarity() * 100) + "%" + (c.samePhone() ? "，同一手机号" : "");
  }
}
