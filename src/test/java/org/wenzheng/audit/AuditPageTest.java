package org.wenzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The auditor's trace reads as a civil servant writes it (谁、何时、做了什么、结果), with the engine's raw records
 * folded away under 技术细节, and every time in Beijing time, on the page and in the JSON.
 */
@WenzhengTest
class AuditPageTest {

  private static final Pattern ISO_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

  @LocalServerPort int port;
  @Autowired Scenario scenario;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theTraceSpeaksPlainChineseAndKeepsTheEngineRecordsBehindAFold() {
    // Wednesday 4 March 2026, 10:00 in Chengdu (02:00 UTC): the response deadline is 11:00 Beijing time.
    Scenario.clock("2026-03-04T10:00");
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    Api api = new Api(port);

    Api.Response page = api.get("/audit?trackingNumber=" + appeal.trackingNumber(), "auditor");
    assertThat(page.status()).isEqualTo(200);
    String trace = section(page.body(), "id=\"trace\"", "</table>");
    assertThat(trace).contains("审核", "转办", "签收", "承办单位：市城管委", "决定：受理", "类型：", "复杂程度：一般",
        "签收时限：1小时（工作时间）", "签收期限：2026-03-04 11:00", "dispatcher", "cgw1");
    assertThat(trace).doesNotContain("engine-", "Task_", "PT1H", "P1D", "departmentCode", "ACCEPT", "DONE",
        "T02:00", "Z<");
    String deadlines = section(page.body(), "id=\"deadlines\"", "</table>");
    assertThat(deadlines).contains("1小时（工作时间）", "已完成").doesNotContain("PT1H", "DONE");
    String technical = section(page.body(), "<details id=\"technical\">", "</details>");
    assertThat(technical).contains("技术细节", "engine-task", "任务完成：审核诉求");

    // The same trace as JSON: every time in it, the steps' and those inside their details, is +08:00.
    JsonNode json = api.get("/api/appeals/" + appeal.id() + "/timeline", "auditor").json();
    List<String> times = new ArrayList<>();
    collectTimes(json, times);
    assertThat(times).isNotEmpty().allSatisfy(t -> assertThat(t).endsWith("+08:00"));
  }

  private static String section(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as(start).isNotNegative();
    return html.substring(from, html.indexOf(end, from) + end.length());
  }

  private static void collectTimes(JsonNode node, List<String> times) {
    if (node.isTextual()) {
      Matcher m = ISO_TIME.matcher(node.asText());
      if (m.matches()) {
        times.add(node.asText());
      }
    }
    node.forEach(child -> collectTimes(child, times));
  }
}
