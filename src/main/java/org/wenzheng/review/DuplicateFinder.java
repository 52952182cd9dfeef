package org.wenzheng.review;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;
import org.wenzheng.text.Words;

/**
 * Possible duplicates of an appeal, for the dispatcher to see at review: appeals of the last seven days from the same
 * phone, or about the same place (district and street) with similar words. Only accepted appeals still being worked
 * on are offered: a duplicate is merged into an appeal whose reply is still to come (or has just gone out).
 */
@Component
class DuplicateFinder {

  record Candidate(Appeal appeal, double similarity, boolean samePhone) {
  }

  static final Duration WINDOW = Duration.ofDays(7);
  static final double SIMILAR = 0.3;
  static final int MAX = 5;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm")
      .withZone(EngineClock.ZONE);

  private final JdbcClient jdbc;
  private final AppealRepository appeals;
  private final Words words;
  private final Directory directory;

  DuplicateFinder(JdbcClient jdbc, AppealRepository appeals, Words words, Directory directory) {
    this.jdbc = jdbc;
    this.appeals = appeals;
    this.words = words;
    this.directory = directory;
  }

  List<Candidate> candidates(Appeal appeal) {
    List<Long> ids = jdbc.sql("""
            select id from appeal
            where id <> :id and received_at >= :since and merged_into is null
              and status in ('DISPATCHED', 'HANDLING', 'RETURNED', 'REPLY_REVIEW', 'REPLIED')
              and ((cast(:phone as varchar) is not null and citizen_phone = :phone)
                or (cast(:district as varchar) is not null and district = :district
                    and coalesce(street, '') = coalesce(cast(:street as varchar), '')))
            order by received_at desc limit 50""")
        .param("id", appeal.id()).param("since", appeal.receivedAt().minus(WINDOW))
        .param("phone", appeal.citizenPhone()).param("district", appeal.district()).param("street", appeal.street())
        .query(Long.class).list();
    Set<String> mine = new HashSet<>(words.of(appeal.title() + " " + appeal.content()));
    return ids.stream().map(appeals::get).map(other -> {
      double similarity = Words.overlap(mine, new HashSet<>(words.of(other.title() + " " + other.content())));
      boolean samePhone = appeal.citizenPhone() != null && appeal.citizenPhone().equals(other.citizenPhone());
      return new Candidate(other, similarity, samePhone);
    }).filter(c -> c.samePhone() || c.similarity() >= SIMILAR)
        .sorted(Comparator.comparingDouble(Candidate::similarity).reversed()).limit(MAX).toList();
  }

  /** One line per candidate, for the review form. */
  String describe(Candidate c) {
    Appeal a = c.appeal();
    String unit = a.departmentCode() == null ? "" : directory.unitName(a.departmentCode()) + "，";
    return a.trackingNumber() + "（" + SHOWN.format(a.receivedAt().toInstant()) + "，" + unit + a.status().label()
        + "）" + a.title() + " — 相似度 " + Math.round(c.similarity() * 100) + "%" + (c.samePhone() ? "，同一手机号" : "");
  }
}
