package org.wenzheng.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengTest;

/** 月报 by email to the configured leaders, once, with the figures and a link to the dashboard. */
@WenzhengTest
class ReportMailTest {

  @Autowired ReportMailer mailer;
  @Autowired Scenario scenario;
  @Value("${wenzheng.reports.weekly-cron}") String weekly;
  @Value("${wenzheng.reports.monthly-cron}") String monthly;

  @Test
  void shouldMailTheMonthlyReportToEachLeaderOnce() throws Exception {
    var appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Period month = Period.month(LocalDate.ofInstant(appeal.receivedAt().toInstant(), EngineClock.ZONE));

    assertThat(mailer.send(month)).isEqualTo(2);
    assertThat(mailer.send(month)).isZero(); // asked again (a second node, a restart): nothing new is written

    await().atMost(Duration.ofSeconds(20)).until(() -> !TestMail.to("mayor@gov.wenzheng.local").isEmpty()
        && !TestMail.to("secretary@gov.wenzheng.local").isEmpty());
    List<MimeMessage> mails = TestMail.to("mayor@gov.wenzheng.local");
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).startsWith("【问政】月报：" + month.label() + " 全市受理");
    String body = TestMail.body(mails.get(0));
    assertThat(body).contains("回复办理率", "满意率", "红榜", "热点",
        "http://localhost:8080/reports?period=month&date=" + month.from());
    // Monday 08:00 and the 1st at 08:30, Chengdu time.
    ZonedDateTime saturday = ZonedDateTime.parse("2026-11-21T10:00+08:00[Asia/Shanghai]");
    assertThat(CronExpression.parse(weekly).next(saturday)).hasToString("2026-11-23T08:00+08:00[Asia/Shanghai]");
    assertThat(CronExpression.parse(monthly).next(saturday)).hasToString("2026-12-01T08:30+08:00[Asia/Shanghai]");
  }
}
