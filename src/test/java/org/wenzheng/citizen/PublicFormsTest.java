package org.wenzheng.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.CitizenBrowser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The public forms as a client (or an attacker) sends them: a flood of tracking attempts is throttled and tells
 * nothing about which numbers exist; a form sent twice registers one appeal; a form without its CSRF token is
 * refused; the pages forbid scripts and referrers.
 */
@WenzhengTest
class PublicFormsTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired JdbcClient jdbc;

  private static String message(HttpResponse<String> page) {
    Matcher m = Pattern.compile("id=\"track-message\">([^<]*)<").matcher(page.body());
    return m.find() ? m.group(1) : "";
  }

  private static String randomAddress() {
    return "198.51.100." + (1 + (int) (Math.random() * 250));
  }

  @Test
  void shouldThrottleAFloodOfGuessesAndRevealNothing() {
    Appeal appeal = scenario.submit();
    String last4 = appeal.citizenPhone().substring(7);
    CitizenBrowser attacker = new CitizenBrowser(port, randomAddress());
    attacker.get("/track");

    // Guessing the digits of one appeal: the first attempts say "not found", like an unknown number would.
    HttpResponse<String> unknown = attacker.post("/track", Map.of("trackingNumber", "WZ2000000000000",
        "phoneLast4", "1234"), true);
    for (int guess = 0; guess < 5; guess++) {
      String digits = String.format("%04d", guess);
      HttpResponse<String> r = attacker.post("/track", Map.of("trackingNumber", appeal.trackingNumber(),
          "phoneLast4", digits.equals(last4) ? "9999" : digits), true);
      assertThat(r.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
      assertThat(message(r)).isEqualTo(message(unknown)).contains("没有找到");
    }
    // Then this number is closed for a while, whoever asks and whatever the digits: even the right ones.
    HttpResponse<String> throttled = attacker.post("/track", Map.of("trackingNumber", appeal.trackingNumber(),
        "phoneLast4", last4), true);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("操作过于频繁").doesNotContain(appeal.title());
    CitizenBrowser other = new CitizenBrowser(port, randomAddress() + "1");
    other.get("/track");
    assertThat(other.post("/track", Map.of("trackingNumber", appeal.trackingNumber(), "phoneLast4", last4), true)
        .statusCode()).isEqualTo(429);

    // And one client guessing across many numbers runs out too.
    CitizenBrowser sweeper = new CitizenBrowser(port, randomAddress() + "2");
    sweeper.get("/track");
    int allowed = 0;
    for (int i = 0; i < 15; i++) {
      HttpResponse<String> r = sweeper.post("/track", Map.of("trackingNumber",
          String.format("WZ26010100%05d", i), "phoneLast4", "0000"), true);
      if (r.statusCode() == 200) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(10);
  }

  @Test
  void shouldRegisterAFormSentTwiceOnceAndRefuseAFormWithoutItsToken() {
    CitizenBrowser citizen = new CitizenBrowser(port, randomAddress());
    citizen.get("/");
    String title = "书院街公厕洗手液 " + UUID.randomUUID();
    Map<String, String> form = Map.of("appealType", "COMPLAINT", "title", title,
        "content", "书院街地铁站旁公共厕所的洗手液一直是空的，请督促补充。", "phone", "13811112222",
        "publishable", "true", "submissionId", UUID.randomUUID().toString());
    HttpResponse<String> first = citizen.post("/appeals", form, true);
    HttpResponse<String> again = citizen.post("/appeals", form, true);
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from appeal where title = ?").param(title).query(Long.class).single())
        .isEqualTo(1);

    HttpResponse<String> forged = citizen.post("/appeals", Map.of("appealType", "COMPLAINT", "title", title + "x",
        "content", "来自其他网站的伪造提交内容，应当被拒绝。", "phone", "13811112222",
        "submissionId", UUID.randomUUID().toString()), false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from appeal where title = ?").param(title + "x").query(Long.class).single())
        .isZero();
  }

  @Test
  void shouldForbidScriptsFramingAndReferrersOnThePublicPages() {
    HttpResponse<String> page = new CitizenBrowser(port, randomAddress()).get("/board");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("script-src 'none'", "frame-ancestors 'none'");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    HttpResponse<String> forged = new CitizenBrowser(port, randomAddress()).get("/c/not-a-real-link");
    assertThat(forged.statusCode()).isEqualTo(404);
    assertThat(forged.body()).contains("链接无效或已过期");
  }
}
