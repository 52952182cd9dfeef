package org.wenzheng.reporting;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * 周报 and 月报: on a schedule (cron, Asia/Shanghai), the figures of the week or month just ended go by email to the
 * leaders listed in {@code wenzheng.reports.recipients}, with a link to the dashboard. Reports are made on the
 * scheduler's own threads, read-only and in about a second, then sent through the outbox: intake never waits for
 * them. Each report is written once per recipient, however often it is asked for.
 */
@Service
class ReportMailer {

  private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);

  private final ReportQueries queries;
  private final HotTopics topics;
  private final Notifications notifications;
  private final TransactionTemplate tx;
  private final List<String> recipients;
  private final String dashboardUrl;
  private final int leagueMinimum;

  ReportMailer(ReportQueries queries, HotTopics topics, Notifications notifications, TransactionTemplate tx,
      @Value("${wenzheng.reports.recipients}") String recipients,
      @Value("${wenzheng.reports.dashboard-url}") String dashboardUrl,
      @Value("${wenzheng.reports.league-minimum}") int leagueMinimum) {
    this.queries = queries;
    this.topics = topics;
    this.notifications = notifications;
    this.tx = tx;
    this.recipients = Arrays.stream(recipients.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    this.dashboardUrl = dashboardUrl;
    this.leagueMinimum = leagueMinimum;
  }

  @Scheduled(cron = "${wenzheng.reports.weekly-cron}", zone = "Asia/Shanghai")
  void weekly() {
    send(Period.week(Period.today().minusWeeks(1)));
  }

  @Scheduled(cron = "${wenzheng.reports.monthly-cron}", zone = "Asia/Shanghai")
  void monthly() {
    send(Period.month(Period.today().minusMonths(1)));
  }

  /** @return how many messages were written (0 when sent before, or nobody is listed) */
  int send(Period period) {
    if (recipients.isEmpty()) {
      log.info("No report recipients configured (wenzheng.reports.recipients); {} report not sent", period.kind());
      return 0;
    }
    ReportQueries.Report report = queries.report(period);
    Map<String, Object> model = model(period, report);
    String key = "report." + period.kind() + "." + period.from();
    Integer written = tx.execute(status -> (int) recipients.stream()
        .filter(r -> notifications.toAddress(r, key, NotificationKind.REPORT, model).isPresent()).count());
    log.info("{} report for {} written to {} of {} recipients", period.kind(), period.label(), written,
        recipients.size());
    return written == null ? 0 : written;
  }

  private Map<String, Object> model(Period period, ReportQueries.Report report) {
    Figures f = report.city();
    Figures.Rates r = f.rates();
    League.Table league = League.of(f, report.units(), leagueMinimum);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kindLabel", "week".equals(period.kind()) ? "周报" : "month".equals(period.kind()) ? "月报" : "报告");
    m.put("periodLabel", period.label());
    m.put("from", period.from().toString());
    m.put("to", period.to().toString());
    m.put("received", f.received());
    m.put("dispatched", f.dispatched());
    m.put("rejected", f.rejected());
    m.put("replyRate", percent(r.replyRate()));
    m.put("resolutionRate", percent(r.resolutionRate()));
    m.put("satisfactionRate", percent(r.satisfactionRate()));
    m.put("responseOverdueRate", percent(r.responseOverdueRate()));
    m.put("resolutionOverdueRate", percent(r.resolutionOverdueRate()));
    m.put("averageReplyDays", r.averageReplyDays() == null ? "—" : String.format("%.2f", r.averageReplyDays()));
    m.put("onTimeAcknowledgementRate", percent(r.onTimeAcknowledgementRate()));
    m.put("onTimeCompletionRate", percent(r.onTimeCompletionRate()));
    m.put("returnRate", percent(r.returnRate()));
    m.put("returns", f.returns());
    m.put("unjustifiedReturns", f.unjustifiedReturns());
    m.put("redoRate", percent(r.redoRate()));
    m.put("extensions", f.extensions());
    m.put("supervisionNotices", f.supervisionNotices());
    m.put("red", names(league.red()));
    m.put("black", names(league.black()));
    m.put("topics", topics.frequent(period, 10).stream().map(t -> t.term() + "（" + t.appeals() + "）")
        .collect(Collectors.joining("、")));
    m.put("dashboardUrl", dashboardUrl + "?" + period.query());
    return m;
  }

  private static String names(List<League.Entry> entries) {
    return entries.isEmpty() ? "（参与排名的单位不足）" : entries.stream()
        .map(e -> e.name() + " " + e.score()).collect(Collectors.joining("、"));
  }

  private static String percent(Double rate) {
    return rate == null ? "—" : String.format("%.2f%%", rate * 100);
  }
}
