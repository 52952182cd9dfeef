package org.wenzheng.reporting;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.text.AppealWords;
import org.wenzheng.text.Words;
import org.wenzheng.data.Rows;

/**
 * 热点: what the period's appeals are about. Each appeal's title and content are segmented once (Lucene smartcn,
 * stop words removed) into {@code appeal_term} when it arrives ({@link AppealWords}). A period's topics are then
 * counted in SQL: the words in most appeals, and the words that rose fastest against the previous period of the same
 * length.
 */
@Service
public class HotTopics {

  private static final Logger log = LoggerFactory.getLogger(HotTopics.class);
  /** A word must be in at least this many of the period's appeals to count as rising. */
  static final int RISING_MINIMUM = 3;

  private final JdbcClient jdbc;
  private final Words words;
  private final AppealWords appealWords;

  HotTopics(JdbcClient jdbc, Words words, AppealWords appealWords) {
    this.jdbc = jdbc;
    this.words = words;
    this.appealWords = appealWords;
  }

  public record Topic(String term, long appeals, long previous) {
  }

  /** The words in most of the period's appeals (how many appeals, not how many times). */
  public List<Topic> frequent(Period period, int limit) {
    return topics(period, 1, "cur.n desc, cur.term", limit);
  }

  /** The words that rose most against the previous period: (now + 1) / (before + 1), in at least 3 appeals. */
  public List<Topic> rising(Period period, int limit) {
    return topics(period, RISING_MINIMUM, "(cur.n + 1.0) / (coalesce(prev.n, 0) + 1.0) desc, cur.n desc, cur.term",
        limit);
  }

  /** Each word's appeals in the period (at least {@code minimum}) and in the previous one, in the given order. */
  private List<Topic> topics(Period period, int minimum, String order, int limit) {
    return jdbc.sql("""
            with cur as (select term, count(*) as n from published.appeal_term where received_at >= :from and received_at < :until
                         and not (term = any(:stop)) group by term having count(*) >= :minimum),
                 prev as (select term, count(*) as n from published.appeal_term where received_at >= :pfrom
                          and received_at < :from group by term)
            select cur.term, cur.n as appeals, coalesce(prev.n, 0) as previous
            from cur left join prev on prev.term = cur.term
            order by\s""" + order + " limit :limit")
        .params(params(period)).param("minimum", minimum).param("limit", limit).query(Rows.of(Topic.class)).list();
  }

  /** The period, the previous one, and the stop words (a word added to the list stops counting, no re-indexing). */
  private Map<String, Object> params(Period period) {
    return Map.of("from", EngineClock.utc(period.start()), "until", EngineClock.utc(period.end()),
        "pfrom", EngineClock.utc(period.previous().start()), "stop", words.stopwords().toArray(String[]::new));
  }

  /**
   * Indexes the words of appeals that arrived without them (intake indexes every new appeal in its own transaction;
   * this catches rows registered before that, or written directly), a batch at a time.
   */
  @Scheduled(fixedDelayString = "${wenzheng.reports.term-index-interval}",
      initialDelay = 30_000)
  void indexPeriodically() {
    try {
      while (index() > 0) {
        // more waiting
      }
    } catch (RuntimeException e) {
      log.warn("Indexing appeal words failed; the next run retries: {}", e.toString());
    }
  }

  /** @return how many appeals were indexed */
  public int index() {
    return appealWords.indexPending();
  }
}
