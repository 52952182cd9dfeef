package org.wenzheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Browser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The dashboard in a real browser: a supervisor sees this month's figures, the weekly charts drawn by ECharts, the
 * red and black lists and hot topics, clicks a figure to see the appeals it counts and exports them; a unit's leader
 * sees only their unit; a handler sees no figures at all.
 */
@WenzhengTest
class ReportsPageTest {

  @RegisterExtension
  static final Browser browser = new Browser();
  @LocalServerPort int port;
  @Autowired Scenario scenario;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void shouldShowTheSupervisorTheCitysFiguresWithChartsAndTheAppealsBehindThem() throws Exception {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已修复。");

    Page page = browser.staffPage("supervisor");
    Response response = page.navigate(url("/reports?period=month"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(page.locator("h1")).containsText("全市");
    assertThat(Long.parseLong(page.locator("#kpi-received").textContent().strip())).isPositive();
    // ECharts drew every chart on a canvas (scripts allowed from this site only).
    for (String chart : List.of("#chart-volume", "#chart-rates", "#chart-units")) {
      assertThat(page.locator(chart)).hasAttribute("data-drawn", "true");
      assertThat(page.locator(chart + " canvas")).hasCount(1);
    }
    assertThat(page.locator("#units")).containsText("市城管委");
    assertThat(page.locator("#red-list caption")).hasText("红榜（前五）");
    // A month is chosen by one day in it; the range's two dates appear only for a custom period.
    assertThat(page.locator("#date")).isVisible();
    assertThat(page.locator("#from")).isHidden();
    assertThat(page.locator("#to")).isHidden();
    page.locator("#period").selectOption("custom");
    assertThat(page.locator("#date")).isHidden();
    assertThat(page.locator("#from")).isVisible();
    assertThat(page.locator("#to")).isVisible();
    page.locator("#period").selectOption("month");
    Browser.screenshot(page, "reports-dashboard");

    // A number is a link to the appeals it counts.
    page.locator("#kpi-received").click();
    assertThat(page.locator("h1")).containsText("受理量");
    assertThat(page.locator("#appeals")).containsText(appeal.trackingNumber());
    Browser.screenshot(page, "reports-appeals");
    Download xlsx = page.waitForDownload(() -> page.locator("#export-xlsx").click());
    try (InputStream in = Files.newInputStream(xlsx.path()); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("受理编号");
      assertThat(rows.stream().skip(1).map(r -> r.getCellText(0)).toList()).contains(appeal.trackingNumber());
    }
    page.goBack();
    Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
    String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF分组,编码,名称,受理量");
    assertThat(text.lines().collect(Collectors.toList())).anyMatch(l -> l.startsWith("承办单位,cgw,市城管委,"));
    assertThat(page.navigate(url("/reports?unit=nosuchunit")).status()).isEqualTo(400);
    assertThat(page.locator("#refused")).containsText("未知单位");
  }

  @Test
  void shouldShowALeaderOnlyTheirUnitAndAHandlerNothing() {
    Page leader = browser.staffPage("cgwlead");
    assertThat(leader.navigate(url("/reports")).status()).isEqualTo(200);
    assertThat(leader.locator("h1")).containsText("市城管委");
    assertThat(leader.locator("#units")).hasCount(0);
    assertThat(leader.locator("#chart-volume")).hasAttribute("data-drawn", "true");
    assertThat(leader.navigate(url("/reports?unit=gaj")).status()).isEqualTo(403);
    assertThat(leader.locator("#refused")).containsText("只能查看本单位");
    assertThat(leader.navigate(url("/reports/appeals?figure=received&dimension=unit&key=gaj")).status())
        .isEqualTo(403);
    assertThat(leader.navigate(url("/reports/figures.csv?unit=gaj")).status()).isEqualTo(403);

    // The same figures as JSON, for the city's other tools; bad input names the field.
    Api api = new Api(port);
    Api.Response json = api.get("/api/reports/figures?period=custom&from=2026-11-01&to=2026-11-15", "auditor");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().get("label").asText()).isEqualTo("2026-11-01 至 2026-11-15");
    assertThat(json.json().get("figures").get("rates").has("satisfactionRate")).isTrue();
    Api.Response own = api.get("/api/reports/figures?period=month", "cgwlead");
    assertThat(own.json().get("figures").get("key").asText()).isEqualTo("cgw");
    assertThat(own.json().get("report").isNull()).isTrue();
    Api.Response bad = api.get("/api/reports/figures?period=custom&from=2026-11-15&to=2026-11-01", "auditor");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("to");

    Page handler = browser.staffPage("cgw1");
    assertThat(handler.navigate(url("/reports")).status()).isEqualTo(403);
    assertThat(handler.locator("#refused")).containsText("统计报表仅对");
    assertThat(handler.navigate(url("/reports?unit=gaj")).status()).isEqualTo(403);
    assertThat(handler.navigate(url("/api/reports/figures?unit=gaj")).status()).isEqualTo(403);
    Browser.screenshot(handler, "reports-refused-handler");
  }
}
