package org.wenzheng.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;

/**
 * How fast is the city's monthly report with a million concluded appeals? Not a unit test: run with
 * {@code mvn -Pbenchmark test -Dtest=MonthlyReportBenchmark} (see README, "Reports"). A generator writes N appeals
 * ({@code -Dbenchmark.appeals}, default 1,000,000) spread evenly over 24 months, concluded, with returns, extensions,
 * supervision notices and indexed words in realistic shares. Then, for one month in the middle, the report (figures
 * for the city and by unit, channel, type and mailbox), the weekly trend and the hot topics are timed (3 warm-up
 * runs, then 10) as shipped and, as the baseline, without the indexes on the receipt time. The plans of the report
 * query are written beside the timings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "camunda.bpm.webapp.enabled=false", "logging.level.org.wenzheng=WARN", "logging.level.org.camunda=WARN",
    "wenzheng.reports.term-index-interval=1h"})
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@Import(Scenario.class)
class MonthlyReportBenchmark {

  static final Path OUT = Paths.get("target", "benchmark");
  static final int RUNS = 10;

  @Autowired JdbcTemplate jdbc;
  @Autowired ReportQueries queries;
  @Autowired HotTopics topics;

  private final List<String> lines = new ArrayList<>();

  private void say(String line) {
    System.out.println(line);
    lines.add(line);
  }

  @Test
  void shouldAnswerTheMonthlyReportOfAMillionAppealsInUnderASecond() throws IOException {
    int n = Integer.getInteger("benchmark.appeals", 1_000_000);
    long t0 = System.nanoTime();
    generate(n);
    say(String.format("generated %,d appeals over 24 months in %.0f s", n, (System.nanoTime() - t0) / 1e9));
    Period month = Period.month(LocalDate.of(2025, 11, 1));
    Long inMonth = jdbc.queryForObject("select count(*) from appeal where received_at >= ? and received_at < ?",
        Long.class, EngineClock.utc(month.start()), EngineClock.utc(month.end()));
    say(String.format("month %s: %,d appeals", month.label(), inMonth));

    measure("as shipped (appeal_received_idx, appeal_term_period_idx)", month);
    explain(month, "explain-shipped");
    jdbc.execute("drop index appeal_received_idx");
    jdbc.execute("drop index appeal_term_period_idx");
    measure("baseline: no index on the receipt time", month);
    explain(month, "explain-no-index");
    jdbc.execute("create index appeal_received_idx on appeal (received_at)");
    jdbc.execute("create index appeal_term_period_idx on appeal_term (received_at, term)");
    Files.createDirectories(OUT);
    Files.write(OUT.resolve("monthly-report.txt"), lines);
  }

  private void measure(String label, Period month) {
    jdbc.execute("analyze appeal");
    jdbc.execute("analyze appeal_term");
    say("--- " + label);
    say(time("monthly report (city + unit/channel/type/mailbox)", () -> queries.report(month)));
    say(time("weekly trend, 12 weeks", () -> queries.trend(month, 12, null)));
    say(time("hot topics (frequent + rising)", () -> List.of(topics.frequent(month, 20), topics.rising(month, 10))));
  }

  private static String time(String what, Supplier<?> work) {
    for (int i = 0; i < 3; i++) {
      work.get();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      work.get();
      ms.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(ms);
    return String.format("%-50s p50 %7.1f ms   max %7.1f ms", what, (ms.get(4) + ms.get(5)) / 2, ms.get(RUNS - 1));
  }

  private void explain(Period month, String name) throws IOException {
    String sql = "explain (analyze, buffers) " + ReportQueries.REPORT.replace(":from", "?").replace(":until", "?");
    List<String> plan = jdbc.query(sql, (rs, i) -> rs.getString(1), EngineClock.utc(month.start()),
        EngineClock.utc(month.end()), EngineClock.utc(month.start()), EngineClock.utc(month.end()),
        EngineClock.utc(month.start()), EngineClock.utc(month.end()), EngineClock.utc(month.start()),
        EngineClock.utc(month.end()));
    Files.createDirectories(OUT);
    Files.write(OUT.resolve("monthly-report-" + name + ".txt"), plan);
  }

  /** N concluded appeals, evenly over 24 months from November 2024, with their returns, extensions and words. */
  private void generate(int n) {
    String units = "(select array_agg(code order by code) from unit where kind in ('CITY_DEPARTMENT', 'DISTRICT'))";
    jdbc.update("""
        insert into appeal (tracking_number, channel, channel_message_id, title, content, requested_type, appeal_type,
            complexity, mailbox_code, department_code, status, received_at, updated_at, reviewed_at, dispatched_at,
            acknowledged_at, handled_at, replied_at, visited_at, concluded_at, archived_at, handling_outcome,
            reply_text, satisfaction, conclusion, response_overdue, resolution_overdue, redo_count, returns_count,
            publishable)
        select 'BM' || lpad(i::text, 10, '0'),
               (array['WEB','WECHAT','WEIBO','SMS','APP','HOTLINE','MAILBOX','ALIPAY'])[1 + i % 8],
               'bm-' || i, '诉求 ' || i, '内容', null,
               (array['COMPLAINT','CONSULTATION','SUGGESTION','INFORMATION'])[1 + i % 4],
               (array['GENERAL','DIFFICULT','COMPLEX'])[1 + i % 3],
               case when i % 8 = 6 then (array['mayor','secretary'])[1 + i % 2] end,
               u.units[1 + (i::bigint * 7919 % array_length(u.units, 1))::int],
               'ARCHIVED', t.received, t.received, t.received + interval '10 minutes',
               t.received + interval '20 minutes', t.received + interval '50 minutes',
               t.received + (1 + i % 6) * interval '1 day', t.received + (1 + i % 6) * interval '1 day',
               t.received + (2 + i % 6) * interval '1 day', t.received + (2 + i % 6) * interval '1 day',
               t.received + (3 + i % 6) * interval '1 day',
               case when i % 10 < 9 then 'RESOLVED' else 'EXPLAINED' end, '答复',
               (array['SATISFIED','SATISFIED','SATISFIED','BASICALLY_SATISFIED','BASICALLY_SATISFIED',
                      'UNSATISFIED','UNREACHABLE','SATISFIED','SATISFIED','BASICALLY_SATISFIED'])[1 + (i / 3) % 10],
               case when i % 10 < 9 then 'RESOLVED' else 'EXPLAINED' end,
               i % 23 = 0, i % 13 = 0, case when i % 50 = 0 then 1 else 0 end, case when i % 33 = 0 then 1 else 0 end,
               true
        from generate_series(1, ?) as i,
             lateral (select timestamptz '2024-11-01 00:00+08' + (i::double precision / ?) * interval '730 days'
                      as received) t,
             """ + units + " as u(units)", n, n);
    jdbc.update("""
        insert into appeal_return (appeal_id, department_code, reason, returned_by, returned_at, justified)
        select a.id, 'cgw', '不属于本单位职责', 'cgw1', a.received_at + interval '1 hour', a.id % 3 <> 0
        from appeal a where a.tracking_number like 'BM%' and a.returns_count = 1""");
    jdbc.update("""
        insert into extension_request (appeal_id, department_code, reason, requested_until, previous_due_at,
            requested_by, requested_at, status, decided_at)
        select a.id, a.department_code, '需要协调', a.received_at + interval '5 days', a.received_at + interval '3 days',
               'x1', a.received_at + interval '1 day', case when a.id % 2 = 0 then 'APPROVED' else 'REJECTED' end,
               a.received_at + interval '2 days'
        from appeal a where a.tracking_number like 'BM%' and a.id % 47 = 0""");
    jdbc.update("""
        insert into supervision_notice (appeal_id, kind, department_code, message, issued_by, issued_at, deadline_at)
        select a.id, 'RESOLUTION', a.department_code, '请尽快办理', 'supervisor', a.received_at + interval '3 days',
               a.received_at + interval '4 days'
        from appeal a where a.tracking_number like 'BM%' and a.resolution_overdue""");
    // Four words per appeal from a vocabulary of 400, some more common than others.
    jdbc.update("""
        insert into appeal_term (appeal_id, received_at, term)
        select distinct a.id, a.received_at, '词' || ((a.id * k * 2654435761) % (20 + k * 95))
        from appeal a, generate_series(1, 4) as k where a.tracking_number like 'BM%'""");
    jdbc.update("""
        insert into appeal_words (appeal_id, words, indexed_at)
        select a.id, (select count(*) from appeal_term t where t.appeal_id = a.id), a.received_at
        from appeal a where a.tracking_number like 'BM%'""");
    jdbc.execute("vacuum analyze appeal");
    jdbc.execute("vacuum analyze appeal_return");
    jdbc.execute("vacuum analyze extension_request");
    jdbc.execute("vacuum analyze supervision_notice");
    jdbc.execute("vacuum analyze appeal_term");
  }
}
