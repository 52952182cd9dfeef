package org.wenzheng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * {@code GET /api/departments/{code}/record}: what the supervision office holds against a unit for a period, read by
 * city-wide staff and by the unit itself, never by another unit.
 */
@WenzhengTest
class DepartmentRecordApiTest {

  static final String RECORD = "/api/departments/swj/record?from=2026-01-12&to=2026-01-16";

  @LocalServerPort int port;
  @Autowired Scenario scenario;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  /** 市水务局's week of 12 January 2026: an extension, a supervision, an agreed return and a dispute it lost. */
  private void aWeekOfWork() {
    Scenario.clock("2026-01-12T10:00");
    Appeal extended = handled();
    Scenario.clock("2026-01-12T14:00");
    scenario.complete("swj1", List.of("swj"), extended, Map.of(AppealProcess.VAR_HANDLING_OUTCOME, "EXTENSION",
        AppealProcess.VAR_EXTENSION_REASON, "需协调供水管网改造。", AppealProcess.VAR_EXTENSION_UNTIL, "2026-01-16"));
    scenario.complete("swjlead", List.of("swj", "leaders", "swjleaders"), extended,
        ExtensionRequestProcess.TASK_LEADER, Map.of(ExtensionRequestProcess.VAR_LEADER_DECISION, "APPROVE"));
    scenario.complete("supervisor", List.of("supervision"), extended, ExtensionRequestProcess.TASK_SUPERVISION,
        Map.of(ExtensionRequestProcess.VAR_SUPERVISION_DECISION, "APPROVE"));

    Scenario.clock("2026-01-12T10:00");
    Appeal late = handled();
    Scenario.clock("2026-01-13T10:01");
    scenario.fireDueTimers(late);
    scenario.complete("supervisor", List.of("supervision"), late, SupervisionProcess.TASK_SUPERVISE, Map.of(
        SupervisionProcess.VAR_MESSAGE, "请尽快办理。", SupervisionProcess.VAR_DEADLINE, "P1D"));
    scenario.reply(late, "swj", "RESOLVED", "已恢复供水。");

    Scenario.clock("2026-01-14T09:00");
    Appeal notOurs = handled();
    scenario.returnToDispatch(notOurs, "swj", "属燃气公司管道，不属于水务职责。");
    scenario.agreeReturn(notOurs);

    Appeal shirked = handled();
    scenario.returnToDispatch(shirked, "swj", "应由区里处理。");
    scenario.rejectReturn(shirked, "市政供水管网属市水务局职责。");
    scenario.returnToDispatch(shirked, "swj", "仍应由区里处理。");
    scenario.complete("supervisor", List.of("supervision"), shirked, AppealProcess.TASK_RESOLVE_DISPUTE, Map.of(
        AppealProcess.VAR_LEAD_UNIT, "swj", AppealProcess.VAR_CO_UNITS, List.of(),
        AppealProcess.VAR_DISPUTE_NOTE, "市政供水管网属市水务局职责。"));
    scenario.settleAccountability(shirked, "swj", "POINTS_DEDUCTED", 4);
  }

  private Appeal handled() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "swj");
    scenario.acknowledge(appeal, "swj");
    return appeal;
  }

  @Test
  void shouldListAndCountWhatTheSupervisionOfficeHoldsAgainstAUnit() {
    aWeekOfWork();
    ClockUtil.reset();
    Api api = new Api(port);

    Api.Response response = api.get(RECORD, "supervisor");
    assertThat(response.status()).isEqualTo(200);
    JsonNode record = response.json();
    assertThat(record.get("name").asText()).isEqualTo("市水务局");
    JsonNode totals = record.get("totals");
    assertThat(totals.get("supervisionNotices").asInt()).isEqualTo(1);
    assertThat(totals.get("supervisionsMissed").asInt()).isZero();
    assertThat(totals.get("returns").asInt()).isEqualTo(3);
    assertThat(totals.get("unjustifiedReturns").asInt()).isEqualTo(2);
    assertThat(totals.get("extensionsRequested").asInt()).isEqualTo(1);
    assertThat(totals.get("extensionsApproved").asInt()).isEqualTo(1);
    assertThat(totals.get("accountabilityCases").asInt()).isEqualTo(1);
    assertThat(totals.get("pointsDeducted").asInt()).isEqualTo(4);
    assertThat(totals.get("publicCriticisms").asInt()).isZero();

    assertThat(record.get("returns").findValuesAsText("decision")).containsExactly("AGREED", "REJECTED", "DISPUTE");
    assertThat(record.get("returns").get(1).get("decisionNote").asText()).isEqualTo("市政供水管网属市水务局职责。");
    JsonNode notice = record.get("supervisionNotices").get(0);
    assertThat(notice.get("outcome").asText()).isEqualTo("MET");
    assertThat(notice.get("issuedAt").asText()).isEqualTo("2026-01-13T10:01:00+08:00");
    assertThat(notice.get("trackingNumber").asText()).startsWith("WZ260112");
    JsonNode accountability = record.get("accountabilityCases").get(0);
    assertThat(accountability.get("ruling").asText()).isEqualTo("POINTS_DEDUCTED");
    assertThat(accountability.get("triggerReason").asText()).isEqualTo("同一诉求多次不当退单");
    assertThat(record.get("extensions").get(0).get("requestedUntil").asText())
        .isEqualTo("2026-01-16T17:30:00+08:00");

    // The week before holds nothing.
    JsonNode before = api.get("/api/departments/swj/record?from=2026-01-05&to=2026-01-09", "supervisor").json();
    assertThat(before.get("totals").get("returns").asInt()).isZero();
    assertThat(before.get("returns")).isEmpty();
  }

  @Test
  void shouldShowAUnitItsOwnRecordOnlyAndRefuseBadPeriods() {
    Api api = new Api(port);
    for (String user : new String[] {"swj1", "swjlead", "supervisor", "dispatcher", "auditor"}) {
      assertThat(api.get(RECORD, user).status()).as(user).isEqualTo(200);
    }
    Api.Response otherUnit = api.get(RECORD, "cgw1");
    assertThat(otherUnit.status()).isEqualTo(403);
    assertThat(otherUnit.contentType()).startsWith("application/problem+json");
    assertThat(api.get(RECORD, "intake").status()).isEqualTo(403);
    assertThat(api.get(RECORD, null).status()).isEqualTo(401);
    assertThat(api.get("/api/departments/nosuchunit/record", "supervisor").status()).isEqualTo(404);

    Api.Response badDate = api.get("/api/departments/swj/record?from=2026-13-01", "supervisor");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.contentType()).startsWith("application/problem+json");
    assertThat(badDate.body()).contains("from");
    Api.Response backwards = api.get("/api/departments/swj/record?from=2026-02-01&to=2026-01-01", "supervisor");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body()).contains("\"to\"");
  }
}
