package org.wenzheng.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.support.WenzhengTest;

/**
 * Every figure on a small data set made by hand, with the right answers worked out below. March 2020 (no other test
 * uses it): six appeals received in March, one at the end of February answered in March, one in the first minutes
 * of April. Among them a rejected appeal, a redo, an extension, a supervision notice, a justified and an unjustified
 * return, an appeal received on 31 March and answered on 1 April, and a citizen who could not be reached.
 */
@WenzhengTest
class FiguresTest {

  @Autowired JdbcClient jdbc;
  @Autowired ReportQueries queries;
  @Autowired HotTopics topics;

  static final Period MARCH = Period.month(LocalDate.of(2020, 3, 1));
  static final Period FEBRUARY = Period.month(LocalDate.of(2020, 2, 1));

  private static OffsetDateTime at(String shanghai) {
    return shanghai == null ? null
        : LocalDateTime.parse(shanghai).atZone(EngineClock.ZONE).toOffsetDateTime();
  }

  /** One appeal row as the process would have left it. */
  private long appeal(String number, String channel, String type, String mailbox, String unit, String status,
      String title, String received, String dispatched, String acknowledged, String replied, String outcome,
      String satisfaction, String concluded, boolean responseOverdue, boolean resolutionOverdue, int redo) {
    return jdbc.sql("""
            insert into appeal (tracking_number, channel, channel_message_id, title, content, requested_type,
                appeal_type, mailbox_code, department_code, status, received_at, updated_at, dispatched_at,
                acknowledged_at, replied_at, handling_outcome, reply_text, satisfaction, concluded_at,
                response_overdue, resolution_overdue, redo_count)
            values (:n, :channel, :n, :title, :title, :type, :type, :mailbox, :unit, :status, :received, :received,
                :dispatched, :acknowledged, :replied, :outcome, :reply, :satisfaction, :concluded, :ro, :lo, :redo)
            returning id""")
        .param("n", number).param("channel", channel).param("title", title).param("type", type)
        .param("mailbox", mailbox).param("unit", unit).param("status", status).param("received", at(received))
        .param("dispatched", at(dispatched)).param("acknowledged", at(acknowledged)).param("replied", at(replied))
        .param("outcome", outcome).param("reply", replied == null ? null : "答复").param("satisfaction", satisfaction)
        .param("concluded", at(concluded)).param("ro", responseOverdue).param("lo", resolutionOverdue)
        .param("redo", redo).query(Long.class).single();
  }

  private void returned(long appeal, String unit, String at, Boolean justified) {
    jdbc.sql("insert into appeal_return (appeal_id, department_code, reason, returned_by, returned_at, justified) "
        + "values (?, ?, '不属于本单位职责', ?, ?, ?)").params(appeal, unit, unit + "1", at(at), justified).update();
  }

  @BeforeEach
  void handMadeData() {
    if (jdbc.sql("select count(*) from appeal where tracking_number like 'FT20%'").query(Long.class).single() > 0) {
      return;
    }
    long a1 = appeal("FT2003000001", "WEB", "COMPLAINT", null, "cgw", "ARCHIVED", "小区电梯坏了",
        "2020-03-02T10:00", "2020-03-02T10:30", "2020-03-02T11:00", "2020-03-04T10:00", "RESOLVED", "SATISFIED",
        "2020-03-05T10:00", false, false, 0);
    long a2 = appeal("FT2003000002", "WECHAT", "CONSULTATION", null, "cgw", "ARCHIVED", "电梯年检咨询",
        "2020-03-03T09:00", "2020-03-03T09:20", "2020-03-03T15:00", "2020-03-06T09:00", "EXPLAINED", "UNSATISFIED",
        "2020-03-12T09:00", true, true, 1);
    long a3 = appeal("FT2003000003", "MAILBOX", "SUGGESTION", "mayor", "gaj", "ARCHIVED", "电梯加装建议",
        "2020-03-10T14:00", "2020-03-10T14:30", "2020-03-10T15:00", "2020-03-11T14:00", "RESOLVED",
        "BASICALLY_SATISFIED", "2020-03-12T14:00", false, false, 0);
    long a4 = appeal("FT2003000004", "WEB", "COMPLAINT", null, "gaj", "HANDLING", "夜间施工噪音",
        "2020-03-20T10:00", "2020-03-20T10:10", "2020-03-20T10:40", null, null, null, null, false, true, 0);
    appeal("FT2003000005", "SMS", null, null, null, "REJECTED", "测试短信", "2020-03-25T10:00", null, null, null,
        null, null, null, false, false, 0);
    appeal("FT2003000006", "WEB", "COMPLAINT", null, "cgw", "ARCHIVED", "路灯不亮", "2020-03-31T23:30",
        "2020-04-01T09:05", "2020-04-01T09:30", "2020-04-01T10:30", "RESOLVED", "UNREACHABLE", "2020-04-04T10:30",
        false, false, 0);
    appeal("FT2002000007", "WEB", "COMPLAINT", null, "cgw", "ARCHIVED", "工地噪音扰民", "2020-02-29T23:50",
        "2020-03-02T09:10", "2020-03-02T09:40", "2020-03-03T09:00", "RESOLVED", "SATISFIED", "2020-03-04T09:00",
        false, false, 0);
    appeal("FT2004000008", "WEB", "COMPLAINT", null, "cgw", "HANDLING", "四月的诉求", "2020-04-01T00:10",
        "2020-04-01T09:00", null, null, null, null, null, false, false, 0);
    // A3 went to cgw first, which returned it rightly; gaj returned A4 and the dispatch centre disagreed.
    returned(a3, "cgw", "2020-03-10T14:20", true);
    returned(a4, "gaj", "2020-03-20T16:00", false);
    jdbc.sql("""
        insert into extension_request (appeal_id, department_code, reason, requested_until, previous_due_at,
            requested_by, requested_at, status, decided_at)
        values (?, 'cgw', '需要协调物业', ?, ?, 'cgw1', ?, 'APPROVED', ?)""")
        .params(a2, at("2020-03-09T17:30"), at("2020-03-05T09:20"), at("2020-03-04T10:00"), at("2020-03-04T15:00"))
        .update();
    jdbc.sql("""
        insert into supervision_notice (appeal_id, kind, department_code, message, issued_by, issued_at,
            deadline_at) values (?, 'RESOLUTION', 'cgw', '请尽快办理', 'supervisor', ?, ?)""")
        .params(a2, at("2020-03-05T10:00"), at("2020-03-06T10:00")).update();
    assertThat(a1).isPositive();
  }

  @Test
  void shouldComputeTheCitysFiguresForAMonth() {
    Figures f = queries.report(MARCH).city();
    assertThat(f.received()).isEqualTo(6);
    assertThat(f.rejected()).isEqualTo(1);
    assertThat(f.dispatched()).isEqualTo(5);
    assertThat(f.acknowledgedOnTime()).isEqualTo(4);
    assertThat(f.replied()).isEqualTo(4); // including the one received on 31 March and answered on 1 April
    assertThat(f.resolved()).isEqualTo(3);
    assertThat(f.rated()).isEqualTo(3); // the unreachable citizen is not counted as rated
    assertThat(f.satisfied()).isEqualTo(2);
    assertThat(f.responseOverdue()).isEqualTo(1);
    assertThat(f.resolutionOverdue()).isEqualTo(2);
    assertThat(f.returnedAppeals()).isEqualTo(2);
    assertThat(f.returns()).isEqualTo(2);
    assertThat(f.unjustifiedReturns()).isEqualTo(1);
    assertThat(f.redone()).isEqualTo(1);
    assertThat(f.concluded()).isEqualTo(4);
    assertThat(f.concludedOnTime()).isEqualTo(3);
    assertThat(f.extensions()).isEqualTo(1);
    assertThat(f.extensionsApproved()).isEqualTo(1);
    assertThat(f.supervisionNotices()).isEqualTo(1);

    Figures.Rates r = f.rates();
    assertThat(r.replyRate()).isEqualTo(0.8); // 4 of 5 dispatched
    assertThat(r.resolutionRate()).isEqualTo(0.75); // 3 of 4 replied
    assertThat(r.satisfactionRate()).isCloseTo(2.0 / 3, within(1e-9)); // (满意 + 基本满意) / rated
    assertThat(r.responseOverdueRate()).isEqualTo(0.2);
    assertThat(r.resolutionOverdueRate()).isEqualTo(0.4);
    // 2 + 3 + 1 days, and 11 hours (23:30 to 10:30 the next day), over 4 replies
    assertThat(r.averageReplyDays()).isCloseTo((6 + 11.0 / 24) / 4, within(1e-9));
    assertThat(r.onTimeAcknowledgementRate()).isEqualTo(0.8);
    assertThat(r.returnRate()).isEqualTo(0.4);
    assertThat(r.unjustifiedReturnRate()).isEqualTo(0.5);
    assertThat(r.redoRate()).isEqualTo(0.25);
    assertThat(r.onTimeCompletionRate()).isEqualTo(0.6);
  }

  @Test
  void shouldCountAnAppealInThePeriodItWasReceivedIn() {
    Figures february = queries.report(FEBRUARY).city();
    assertThat(february.received()).isEqualTo(1);
    assertThat(february.replied()).isEqualTo(1); // answered on 3 March, counted in February
    Figures april = queries.report(Period.month(LocalDate.of(2020, 4, 1))).city();
    assertThat(april.received()).isEqualTo(1);
    assertThat(april.replied()).isZero();
    Figures lastDayOfMarch = queries.report(Period.custom(LocalDate.of(2020, 3, 31), LocalDate.of(2020, 3, 31)))
        .city();
    assertThat(lastDayOfMarch.received()).isEqualTo(1);
    assertThat(lastDayOfMarch.replied()).isEqualTo(1);
    Figures week = queries.report(Period.week(LocalDate.of(2020, 3, 4))).city(); // 2 to 8 March
    assertThat(week.received()).isEqualTo(2);
    assertThat(week.rates().averageReplyDays()).isEqualTo(2.5);
  }

  @Test
  void shouldSplitByUnitChannelTypeAndMailboxWithEachUnitsOwnReturns() {
    ReportQueries.Report report = queries.report(MARCH);
    Figures cgw = report.units().stream().filter(u -> u.key().equals("cgw")).findFirst().orElseThrow();
    assertThat(cgw.name()).isEqualTo("市城管委");
    assertThat(cgw.dispatched()).isEqualTo(3); // holds A1, A2, A6
    assertThat(cgw.handled()).isEqualTo(4); // and once held A3, which it returned
    assertThat(cgw.returnedAppeals()).isEqualTo(1);
    assertThat(cgw.unjustifiedReturns()).isZero();
    assertThat(cgw.rates().returnRate()).isEqualTo(0.25);
    assertThat(cgw.replied()).isEqualTo(3);
    assertThat(cgw.redone()).isEqualTo(1);
    assertThat(cgw.rates().satisfactionRate()).isEqualTo(0.5);
    assertThat(cgw.extensions()).isEqualTo(1);
    assertThat(cgw.supervisionNotices()).isEqualTo(1);
    Figures gaj = report.units().stream().filter(u -> u.key().equals("gaj")).findFirst().orElseThrow();
    assertThat(gaj.handled()).isEqualTo(2);
    assertThat(gaj.returnedAppeals()).isEqualTo(1);
    assertThat(gaj.unjustifiedReturns()).isEqualTo(1);
    assertThat(gaj.rates().returnRate()).isEqualTo(0.5);
    assertThat(gaj.rates().satisfactionRate()).isEqualTo(1.0);

    assertThat(report.channels().get(0).key()).isEqualTo("WEB");
    assertThat(report.channels()).extracting(Figures::key, Figures::received)
        .containsExactlyInAnyOrder(tuple("WEB", 3L), tuple("MAILBOX", 1L), tuple("SMS", 1L), tuple("WECHAT", 1L));
    assertThat(report.types()).extracting(Figures::name, Figures::received).contains(
        tuple("举报投诉", 3L), tuple("未分类", 1L));
    assertThat(report.mailboxes()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("市长信箱");
      assertThat(m.received()).isEqualTo(1);
    });
  }

  @Test
  void shouldRankUnitsByTheDocumentedScore() {
    ReportQueries.Report report = queries.report(MARCH);
    League.Table league = League.of(report.city(), report.units(), 1);
    // gaj: 100 × (0.25×1 + 0.30×½ + 0.25×1 + 0.10×(1−½) + 0.10×(1−0)) = 80.0
    // cgw: 100 × (0.25×⅔ + 0.30×⅔ + 0.25×½ + 0.10×(1−¼) + 0.10×(1−⅓)) = 63.3
    assertThat(league.ranked()).extracting(League.Entry::code, League.Entry::score).containsExactly(
        tuple("gaj", 80.0), tuple("cgw", 63.3));
    // Two units: the better is praised, the worse is on the black list, neither on both.
    assertThat(league.red()).extracting(League.Entry::code).containsExactly("gaj");
    assertThat(league.black()).extracting(League.Entry::code).containsExactly("cgw");
    assertThat(League.of(report.city(), report.units(), 3).ranked()).extracting(League.Entry::code)
        .containsExactly("cgw"); // gaj held only 2
  }

  @Test
  void shouldListTheAppealsBehindAFigure() {
    assertThat(queries.appeals(MARCH, "resolutionOverdue", null, null, 100))
        .extracting(ReportQueries.Listed::trackingNumber).containsExactly("FT2003000002", "FT2003000004");
    assertThat(queries.appeals(MARCH, "returnedAppeals", "unit", "cgw", 100))
        .extracting(ReportQueries.Listed::trackingNumber).containsExactly("FT2003000003");
    assertThat(queries.appeals(MARCH, "unjustifiedReturns", "unit", "gaj", 100))
        .extracting(ReportQueries.Listed::trackingNumber).containsExactly("FT2003000004");
    assertThat(queries.appeals(MARCH, "received", "type", "未分类", 100))
        .extracting(ReportQueries.Listed::trackingNumber).containsExactly("FT2003000005");
    assertThat(queries.appeals(MARCH, "replied", "unit", "cgw", 100)).hasSize(3);
    List<ReportQueries.Listed> satisfied = queries.appeals(MARCH, "satisfied", "mailbox", "mayor", 100);
    assertThat(satisfied).singleElement().satisfies(a -> assertThat(a.unitName()).isEqualTo("市公安局"));
  }

  @Test
  void shouldFindTheFrequentAndTheRisingTopics() {
    while (topics.index() > 0) {
      // index every appeal's words
    }
    assertThat(topics.frequent(MARCH, 3)).first().satisfies(t -> {
      assertThat(t.term()).isEqualTo("电梯");
      assertThat(t.appeals()).isEqualTo(3);
      assertThat(t.previous()).isZero();
    });
    assertThat(topics.frequent(MARCH, 20)).anySatisfy(t -> {
      assertThat(t.term()).isEqualTo("噪音"); // one appeal in March, one in February
      assertThat(t.appeals()).isEqualTo(1);
      assertThat(t.previous()).isEqualTo(1);
    });
    assertThat(topics.rising(MARCH, 5)).extracting(HotTopics.Topic::term).containsExactly("电梯");
  }

  @Test
  void shouldGiveTheWeeklyTrend() {
    List<ReportQueries.Week> trend = queries.trend(MARCH, 6, null);
    assertThat(trend).hasSize(6);
    assertThat(trend.get(5).monday()).isEqualTo(LocalDate.of(2020, 3, 30));
    // Whole weeks: 24 Feb to 1 Mar holds the appeal of 29 February, 30 Mar to 5 Apr the one of 1 April.
    assertThat(trend).extracting(w -> w.figures().received()).containsExactly(1L, 2L, 1L, 1L, 1L, 2L);
    assertThat(queries.trend(MARCH, 6, "gaj")).extracting(w -> w.figures().received())
        .containsExactly(0L, 0L, 1L, 1L, 0L, 0L);
  }
}
