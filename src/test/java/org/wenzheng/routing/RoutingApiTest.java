package org.wenzheng.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * {@code POST /api/routing/suggest}, the supervision office's rules table, the units' responsibilities and aliases,
 * and the suggestion recorded at review, through the doors their users use.
 */
@WenzhengTest
class RoutingApiTest {

  static final String GAS = """
      {"title": "小区里闻到很重的燃气味", "content": "锦江区某小区3栋楼道里燃气味很重，怀疑燃气泄漏，请尽快派人来查看。",
       "district": "锦江区", "channel": "HOTLINE"}""";

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;
  @Autowired RoutingIndex index;
  final List<String> deployed = new ArrayList<>();
  String responsibilitiesBefore;
  JsonNode aliasesBefore;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    // Later tests expect the shipped rules and responsibilities.
    deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
    if (responsibilitiesBefore != null) {
      jdbc.sql("update unit set responsibilities = ? where code = 'swj'").param(responsibilitiesBefore).update();
      index.rebuild();
    }
    if (aliasesBefore != null) {
      List<String> aliases = new ArrayList<>();
      aliasesBefore.forEach(a -> aliases.add(a.asText()));
      jdbc.sql("update unit set aliases = ? where code = 'jjq'").param(String.join("\n", aliases)).update();
      index.rebuild();
    }
  }

  @Test
  void suggestsUnitsTypeAndUrgencyAndRefusesBadInput() {
    Api api = new Api(port);
    Api.Response r = api.post("/api/routing/suggest", "dispatcher", """
        {"title": "自来水发黄", "content": "我们小区这几天自来水发黄，还有一股怪味，水压也很低，请水务部门来看看。",
         "district": "武侯区", "channel": "WEB"}""");
    assertThat(r.status()).isEqualTo(200);
    JsonNode s = r.json();
    assertThat(s.path("units").get(0).path("code").asText()).isEqualTo("swj");
    assertThat(s.path("units").get(0).path("name").asText()).isEqualTo("市水务局");
    assertThat(s.path("units").get(0).path("score").asDouble()).isBetween(0.0, 1.0);
    // "请水务部门来看看": the citizen names the unit, so it comes first, with the name used.
    assertThat(s.path("units").get(0).path("source").asText()).isEqualTo("NAMED");
    assertThat(s.path("units").get(0).path("note").asText()).isEqualTo("水务");
    assertThat(s.path("units").get(1).path("source").asText()).isIn("LEARNED", "RESPONSIBILITIES");
    assertThat(s.path("units").size()).isBetween(1, 3);
    assertThat(s.has("appealType")).isTrue();
    assertThat(s.path("urgent").isBoolean()).isTrue();

    // Channel adapters may ask; a unit's handler may not.
    assertThat(api.post("/api/routing/suggest", "intake", GAS).status()).isEqualTo(200);
    assertThat(api.post("/api/routing/suggest", "cgw1", GAS).status()).isEqualTo(403);

    Api.Response noContent = api.post("/api/routing/suggest", "dispatcher", "{\"title\": \"路灯\"}");
    assertThat(noContent.status()).isEqualTo(400);
    assertThat(noContent.contentType()).startsWith("application/problem+json");
    assertThat(noContent.body()).contains("content");
    Api.Response badChannel = api.post("/api/routing/suggest", "dispatcher",
        "{\"content\": \"路灯不亮\", \"channel\": \"FAX\"}");
    assertThat(badChannel.status()).isEqualTo(400);
    assertThat(badChannel.body()).contains("channel");
  }

  @Test
  void aRuleComesFirstAndASupervisorChangesTheRulesInModeler() throws IOException {
    Api api = new Api(port);
    JsonNode gas = api.post("/api/routing/suggest", "dispatcher", GAS).json();
    assertThat(gas.path("units").get(0).path("code").asText()).isEqualTo("cgw");
    assertThat(gas.path("units").get(0).path("source").asText()).isEqualTo("RULE");
    assertThat(gas.path("units").get(0).path("score").asDouble()).isEqualTo(1.0);
    assertThat(gas.path("urgent").asBoolean()).isTrue();
    assertThat(gas.path("ruleNote").asText()).contains("燃气");
    // A rule beats a unit the citizen names; the named one follows it.
    JsonNode gasAskingPolice = api.post("/api/routing/suggest", "dispatcher",
        GAS.replace("请尽快派人来查看", "请派出所尽快派人来查看")).json();
    assertThat(gasAskingPolice.path("units").get(0).path("code").asText()).isEqualTo("cgw");
    assertThat(gasAskingPolice.path("units").get(1).path("code").asText()).isEqualTo("gaj");
    assertThat(gasAskingPolice.path("units").get(1).path("source").asText()).isEqualTo("NAMED");

    String water = """
        {"content": "小区自来水发黄有怪味，水压也很低。", "district": "武侯区", "channel": "WEB"}""";
    assertThat(api.post("/api/routing/suggest", "dispatcher", water).json().path("units").get(0).path("code")
        .asText()).isEqualTo("swj");

    // The process owner adds a rule in Modeler's table (水质 → 市卫健委, urgent) and deploys it from Modeler.
    String table = Files.readString(Path.of("processes/routing-rules.dmn"));
    String rule = """
          <rule id="Rule_WaterQuality">
            <description>饮用水水质：卫生监督</description>
            <inputEntry id="InputEntry_WaterQuality_Text"><text>matches(?, "水发黄|怪味")</text></inputEntry>
            <inputEntry id="InputEntry_WaterQuality_District"><text></text></inputEntry>
            <inputEntry id="InputEntry_WaterQuality_Channel"><text></text></inputEntry>
            <outputEntry id="OutputEntry_WaterQuality_Unit"><text>"wjw"</text></outputEntry>
            <outputEntry id="OutputEntry_WaterQuality_Urgent"><text>true</text></outputEntry>
            <outputEntry id="OutputEntry_WaterQuality_Note"><text>"饮用水水质由卫生监督先查"</text></outputEntry>
          </rule>
        """;
    String changed = table.replace("      <rule id=\"Rule_GasLeak\">", rule + "      <rule id=\"Rule_GasLeak\">");
    Api.Response deploy = api.deployLikeModeler("processowner", "派单规则：水质",
        Map.of("routing-rules.dmn", changed.getBytes(StandardCharsets.UTF_8)));
    assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
    deployed.add(deploy.json().path("id").asText());

    JsonNode ruled = api.post("/api/routing/suggest", "dispatcher", water).json();
    assertThat(ruled.path("units").get(0).path("code").asText()).isEqualTo("wjw");
    assertThat(ruled.path("units").get(0).path("source").asText()).isEqualTo("RULE");
    assertThat(ruled.path("ruleNote").asText()).isEqualTo("饮用水水质由卫生监督先查");
    assertThat(ruled.path("urgent").asBoolean()).isTrue();

    // A table that drops an output the suggestions read is refused, and nothing changes.
    Api.Response broken = api.deployLikeModeler("processowner", "派单规则：缺输出",
        Map.of("routing-rules.dmn", table.replaceAll("<output id=\"Output_Note\"[^>]*/>", "")
            .replaceAll("<outputEntry id=\"OutputEntry_\\w+_Note\">.*?</outputEntry>", "")
            .getBytes(StandardCharsets.UTF_8)));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(api.post("/api/routing/suggest", "dispatcher", water).json().path("units").get(0).path("code")
        .asText()).isEqualTo("wjw");
  }

  @Test
  void administratorsPublishResponsibilitiesAndSuggestionsFollowAtOnce() {
    Api api = new Api(port);
    responsibilitiesBefore = api.get("/api/units/swj/responsibilities", "dispatcher").json().path("text").asText();
    String ask = "{\"content\": \"小区门口的共享充电宝柜子天天坏，扫码付了钱弹不出来。\"}";

    assertThat(api.put("/api/units/swj/responsibilities", "dispatcher", "{\"responsibilities\": \"充电宝\"}")
        .status()).isEqualTo(403);
    Api.Response tooLong = api.put("/api/units/swj/responsibilities", "admin",
        Api.json(Map.of("responsibilities", "水".repeat(4001))));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("responsibilities");

    Api.Response changed = api.put("/api/units/swj/responsibilities", "admin", Api.json(Map.of(
        "responsibilities", responsibilitiesBefore + "\n共享充电宝柜、充电宝扫码付费后弹不出")));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().path("changedBy").asText()).isEqualTo("admin");
    JsonNode s = api.post("/api/routing/suggest", "dispatcher", ask).json();
    assertThat(s.path("units").get(0).path("code").asText()).isEqualTo("swj");
    assertThat(s.path("units").get(0).path("source").asText()).isEqualTo("RESPONSIBILITIES");

    // An auditor reads what they said before and after, who changed them and when; refusals journalled nothing.
    JsonNode changes = api.get("/api/units/swj/changes", "auditor").json();
    JsonNode last = changes.get(0);
    assertThat(last.path("field").asText()).isEqualTo("RESPONSIBILITIES");
    assertThat(last.path("before").asText()).isEqualTo(responsibilitiesBefore);
    assertThat(last.path("after").asText()).endsWith("共享充电宝柜、充电宝扫码付费后弹不出");
    assertThat(last.path("changedBy").asText()).isEqualTo("admin");
    assertThat(changes.findValuesAsText("after")).noneMatch(a -> a.equals("充电宝") || a.startsWith("水水水"));
    assertThat(api.get("/api/units/swj/changes?limit=0", "auditor").status()).isEqualTo(400);
    assertThat(api.get("/api/units/nosuch/changes", "auditor").status()).isEqualTo(404);
  }

  @Test
  void aUnitTheCitizenAsksForByNameComesFirstAndAdministratorsKeepItsNames() {
    Api api = new Api(port);
    aliasesBefore = api.get("/api/units/jjq/responsibilities", "dispatcher").json().path("aliases");
    String ask = """
        {"content": "我们院子门口的垃圾桶满了好几天，请网格员过来看看。", "district": "锦江区", "channel": "WECHAT"}""";
    assertThat(api.post("/api/routing/suggest", "dispatcher", ask).json().path("units").get(0).path("source")
        .asText()).isNotEqualTo("NAMED");

    assertThat(api.put("/api/units/jjq/aliases", "dispatcher", "{\"aliases\": [\"网格员\"]}").status())
        .isEqualTo(403);
    Api.Response blank = api.put("/api/units/jjq/aliases", "admin", "{\"aliases\": [\"街道\", \" \"]}");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.contentType()).startsWith("application/problem+json");
    assertThat(blank.body()).contains("aliases[1]");
    Api.Response taken = api.put("/api/units/jjq/aliases", "admin", "{\"aliases\": [\"网格员\", \"派出所\"]}");
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.body()).contains("aliases[1]").contains("市公安局");
    assertThat(api.put("/api/units/jjq/aliases", "admin", "{}").status()).isEqualTo(400);
    assertThat(api.put("/api/units/jjq/aliases", "admin", Api.json(Map.of("aliases", List.of("网".repeat(21)))))
        .status()).isEqualTo(400);
    assertThat(api.get("/api/units/jjq/responsibilities", "dispatcher").json().path("aliases"))
        .isEqualTo(aliasesBefore);

    List<String> aliases = new ArrayList<>();
    aliasesBefore.forEach(a -> aliases.add(a.asText()));
    aliases.add("网格员");
    Api.Response changed = api.put("/api/units/jjq/aliases", "admin", Api.json(Map.of("aliases", aliases)));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("changedBy").asText()).isEqualTo("admin");
    JsonNode s = api.post("/api/routing/suggest", "dispatcher", ask).json();
    assertThat(s.path("units").get(0).path("code").asText()).isEqualTo("jjq");
    assertThat(s.path("units").get(0).path("source").asText()).isEqualTo("NAMED");
    assertThat(s.path("units").get(0).path("note").asText()).isEqualTo("网格员");
    JsonNode change = api.get("/api/units/jjq/changes?limit=1", "auditor").json().get(0);
    assertThat(change.path("field").asText()).isEqualTo("ALIASES");
    assertThat(change.path("before").asText()).doesNotContain("网格员").contains("街道");
    assertThat(change.path("after").asText()).endsWith("\n网格员");
    // The supervision office sees it on the units page, with the change.
    Api.Response page = api.get("/units", "supervisor");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("单位职责清单与称呼").contains("派出所").contains("网格员")
        .contains("<td>称呼</td>").contains("最后修改：admin");
    // Named without a request, a unit is what happened, not who should act.
    JsonNode told = api.post("/api/routing/suggest", "dispatcher", """
        {"content": "垃圾桶满了好几天，网格员说管不了。", "district": "锦江区"}""").json();
    assertThat(told.path("units").findValuesAsText("source")).doesNotContain("NAMED");
  }

  @Test
  void theReviewFormShowsTheSuggestionAndTheReviewRecordsWhetherTheDispatcherTookIt() {
    Api api = new Api(port);
    // Made in the background once the review task is created, not yet shown; the form shows it when it is opened.
    Appeal taken = scenario.submit();
    String task = scenario.task(taken).getId();
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
        "select count(*) from routing_suggestion where task_id = ? and shown_at is null and unit_code is not null")
        .param(task).query(Long.class).single() == 1);
    JsonNode form = api.get("/engine-rest/task/" + task + "/form-variables", "dispatcher").json();
    String suggested = jdbc.sql("select unit_code from routing_suggestion where task_id = ? and shown_at is not null")
        .param(task).query(String.class).single();
    assertThat(form.path("departmentCode").path("value").asText()).isEqualTo(suggested);
    assertThat(form.path("reviewDecision").path("value").asText()).isEqualTo("ACCEPT");
    assertThat(form.path("routingSuggestion").path("value").asText()).contains("%（");
    // Opened again, the same suggestion: it is kept for the task.
    api.get("/engine-rest/task/" + task + "/form-variables", "dispatcher");
    assertThat(jdbc.sql("select count(*) from routing_suggestion where appeal_id = ?").param(taken.id())
        .query(Long.class).single()).isEqualTo(1);
    scenario.review(taken, suggested);
    assertThat(jdbc.sql("select accepted from routing_suggestion where task_id = ?").param(task)
        .query(Boolean.class).single()).isTrue();

    // Completed without the form (through the API): the suggestion made in the background, or at completion if none
    // was made yet, is recorded with the choice, so the figures count every review.
    Appeal changed = scenario.submit();
    String changedTask = scenario.task(changed).getId();
    scenario.review(changed, "jtj");
    Map<String, Object> row = jdbc.sql("select unit_code, shown_at, chosen_unit, accepted from routing_suggestion "
        + "where task_id = ?").param(changedTask).query().singleRow();
    assertThat(row.get("shown_at")).isNull();
    assertThat(row.get("chosen_unit")).isEqualTo("jtj");
    assertThat(row.get("accepted")).isEqualTo("jtj".equals(row.get("unit_code")));
  }

  @Test
  void reportsShowHowOftenTheSuggestionWasTakenAndWhenItWasTheWrongUnit() {
    Api api = new Api(port);
    Scenario.clock("2025-06-10T10:00");
    Appeal taken = scenario.submit();
    String suggested = suggestedOnTheForm(api, taken);
    scenario.review(taken, suggested);
    scenario.acknowledge(taken, suggested);
    scenario.returnToDispatch(taken, suggested, "不属于本单位职责。");
    scenario.agreeReturn(taken);
    // Back in review, the unit that returned it is not suggested again.
    String again = scenario.task(taken).getId();
    api.get("/engine-rest/task/" + again + "/form-variables", "dispatcher");
    assertThat(jdbc.sql("select units::text from routing_suggestion where task_id = ?").param(again)
        .query(String.class).single()).doesNotContain("\"" + suggested + "\"");

    Appeal changed = scenario.submit();
    String other = "cgw".equals(suggestedOnTheForm(api, changed)) ? "jtj" : "cgw";
    scenario.review(changed, other);

    JsonNode routing = api.get("/api/reports/figures?period=week&date=2025-06-10", "supervisor").json()
        .path("routing");
    JsonNode total = routing.path("period").path("total");
    assertThat(total.path("dispatched").asLong()).isEqualTo(2);
    assertThat(total.path("accepted").asLong()).isEqualTo(1);
    assertThat(total.path("returnedAsWrongUnit").asLong()).isEqualTo(1);
    assertThat(total.path("rate").asDouble()).isEqualTo(50.0);
    JsonNode week = routing.path("weeks").get(routing.path("weeks").size() - 1);
    assertThat(week.path("key").asText()).isEqualTo("2025-06-09");
    assertThat(week.path("dispatched").asLong()).isEqualTo(2);

    String page = api.get("/reports?period=week&date=2025-06-10", "supervisor").body();
    assertThat(page).contains("派单建议").contains("受理转办 2 件，按建议 1 件（50.0%），派错退回 1 件");
  }

  /** The unit the review form suggests, as the dispatcher opens it. */
  private String suggestedOnTheForm(Api api, Appeal appeal) {
    return api.get("/engine-rest/task/" + scenario.task(appeal).getId() + "/form-variables", "dispatcher").json()
        .path("departmentCode").path("value").asText();
  }
}
