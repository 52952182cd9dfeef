package org.wenzheng.text;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;

/**
 * The word index: each appeal's words ({@link Words}), segmented once when the appeal arrives and stored in
 * {@code appeal_term} (one row per distinct word) with their number in {@code appeal_words}. The duplicate check at
 * review and the hot topics read them with SQL; nothing segments an appeal's text twice.
 */
@Service
@NamedInterface("words")
public class AppealWords {

  /** Longer "words" are segmentation accidents (a URL, a run of digits) and do not fit the column. */
  static final int MAX_LENGTH = 32;
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final Words words;
  private final TransactionTemplate tx;

  AppealWords(JdbcClient jdbc, Words words, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.words = words;
    this.tx = tx;
  }

  /** Indexes one appeal, in the caller's transaction (intake's): its title and content, once. */
  public void index(long appealId, OffsetDateTime receivedAt, String title, String content) {
    List<String> distinct = words.of(title + "。" + content).stream().distinct()
        .filter(w -> w.length() <= MAX_LENGTH).toList();
    if (!distinct.isEmpty()) {
      jdbc.sql("insert into appeal_term (appeal_id, received_at, term) select ?, ?, unnest(?::varchar[]) "
          + "on conflict do nothing").params(appealId, receivedAt, distinct.toArray(String[]::new)).update();
    }
    jdbc.sql("insert into appeal_words (appeal_id, words, indexed_at) values (?, ?, ?) on conflict do nothing")
        .params(appealId, distinct.size(), EngineClock.nowUtc()).update();
  }

  /**
   * How alike this appeal's words are to each of the others': the share of the smaller appeal's words found in the
   * other (a short "路灯还是没修" against a long letter about the same lamp counts as similar), 0 when either has none.
   */
  public Map<Long, Double> similarity(long appealId, Collection<Long> others) {
    record Shared(long id, long shared, long fewer) {
    }
    Map<Long, Double> result = new HashMap<>();
    if (others.isEmpty()) {
      return result;
    }
    jdbc.sql("""
            with mine as (select term from appeal_term where appeal_id = :id)
            select o.id,
                   (select count(*) from appeal_term t join mine m on m.term = t.term where t.appeal_id = o.id) as shared,
                   least((select count(*) from mine), coalesce(w.words, 0)) as fewer
            from unnest(cast(:others as bigint[])) as o(id) left join appeal_words w on w.appeal_id = o.id""")
        .param("id", appealId).param("others", others.toArray(Long[]::new)).query(Rows.of(Shared.class)).list()
        .forEach(s -> result.put(s.id(), s.fewer() == 0 ? 0 : (double) s.shared() / s.fewer()));
    return result;
  }

  /**
   * Indexes appeals that arrived without their words (registered before the index was written at intake, or written
   * into the table directly), a batch at a time, each batch in its own transaction; several nodes share the work.
   *
   * @return how many appeals were indexed
   */
  public int indexPending() {
    record Pending(long id, String title, String content, OffsetDateTime receivedAt) {
    }
    Integer done = tx.execute(status -> {
      List<Pending> pending = jdbc.sql("""
              select a.id, a.title, a.content, a.received_at from published.appeal a
              where not exists (select 1 from appeal_words w where w.appeal_id = a.id)
              order by a.id limit""" + " " + BATCH + " for update of a skip locked").query(Rows.of(Pending.class)).list();
      pending.forEach(p -> index(p.id(), p.receivedAt(), p.title(), p.content()));
      return pending.size();
    });
    return done == null ? 0 : done;
  }
}
