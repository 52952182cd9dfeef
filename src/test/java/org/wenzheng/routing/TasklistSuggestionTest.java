package org.wenzheng.routing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.support.Browser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The suggestion as the dispatcher meets it in Camunda Tasklist 7.24, in a real browser: the suggested unit is
 * pre-selected with 受理, its score and source are shown above, and one click on 提交 dispatches the appeal to it and
 * records "accepted as suggested".
 */
@WenzhengTest
class TasklistSuggestionTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired Routing routing;
  @Autowired JdbcClient jdbc;

  @Test
  void theSuggestedUnitIsPreselectedWithItsScoreAndOneClickDispatchesIt() {
    // A dispatch the model learns type and complexity from.
    Appeal earlier = scenario.submitAbout("自来水发黄有怪味", "武侯区玉林北路小区这几天自来水发黄，有一股怪味，烧开了也有沉淀。",
        "武侯区");
    scenario.review(earlier, "swj");
    routing.relearn();

    Appeal appeal = scenario.submitAbout("小区停水三天", "锦江区东光小区已经停水三天了，事先没有任何停水通知，水压也一直很低。",
        "锦江区");
    Page page = browser.tasklist(port, "dispatcher", "zh-CN");
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task="
        + scenario.task(appeal).getId());
    Locator form = page.locator(".fjs-form");
    assertThat(form).containsText("派单建议：");
    // What the form shows is what was recorded for the task (made in the background as it was created).
    Map<String, Object> suggested = jdbc.sql("select unit_code, unit_score, unit_source from routing_suggestion "
        + "where appeal_id = ? and shown_at is not null").param(appeal.id()).query().singleRow();
    assertThat(suggested.get("unit_code")).isEqualTo("swj");
    long percent = Math.round(((BigDecimal) suggested.get("unit_score")).doubleValue() * 100);
    String source = Source.valueOf((String) suggested.get("unit_source")).label();
    assertThat(form).containsText("市水务局 " + percent + "%（" + source + "）");
    page.getByText("领取").first().click();
    assertThat(page.locator("button.claim")).hasCount(0);
    assertThat(page.getByLabel("受理", new Page.GetByLabelOptions().setExact(true))).isChecked();
    assertThat(page.getByLabel("承办单位")).hasValue("市水务局（swj）");
    Browser.screenshot(page, "tasklist-review-suggestion");

    page.locator("button:has-text('提交')").click();
    await().atMost(Duration.ofSeconds(15)).until(() -> scenario.reload(appeal).status() == AppealStatus.DISPATCHED);
    assertThat(scenario.reload(appeal).departmentCode()).isEqualTo("swj");
    assertThat(jdbc.sql("select accepted from routing_suggestion where appeal_id = ?").param(appeal.id())
        .query(Boolean.class).single()).isTrue();
  }
}
