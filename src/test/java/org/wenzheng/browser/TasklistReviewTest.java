package org.wenzheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.support.Browser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The review form as a dispatcher meets it in Camunda Tasklist 7.24 (form-js 1.8.7), in a real browser: the appeal is
 * shown, the unit list comes from the directory, incomplete decisions cannot be submitted, and a complete one
 * dispatches the appeal to the unit the dispatcher chose, whose handler then finds it in 本部门待办.
 */
@WenzhengTest
class TasklistReviewTest {

  /**
   * Names, not words: the product's, the time zone's, tracking numbers' prefix, and the engines' ("default"; the
   * process tests' context registers a second engine in this JVM, so Tasklist offers a choice of engine).
   */
  static final Set<String> CAMUNDA_NAMES = Set.of("Camunda", "Platform", "Asia", "Shanghai", "WZ", "default",
      "processtest");

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Scenario scenario;

  @Test
  void shouldLetADispatcherReviewAndDispatchAnAppealInTasklist() {
    Appeal appeal = scenario.submit();
    Page page = login("dispatcher");
    page.navigate(tasklist() + "#/?task=" + scenario.task(appeal).getId());

    Locator form = page.locator(".fjs-form");
    assertThat(form).containsText(appeal.trackingNumber());
    assertThat(form).containsText("成华区双桥路与双桥子街交叉口");
    // form-js writes "Select" in an empty select; form-texts.js puts 请选择 there instead (not beside it) once drawn.
    assertThat(page.locator(".fjs-select-display", new Page.LocatorOptions().setHasText("Select"))).hasCount(0);
    assertThat(Browser.latinWords(page, CAMUNDA_NAMES)).as("English on the review task").isEmpty();
    assertThat(claimHint(page)).contains("请先点击上方的“领取”");
    page.getByText("领取").first().click();
    assertThat(page.locator("button.claim")).hasCount(0);
    assertThat(claimHint(page)).isEqualTo("none");

    // The suggestion has pre-selected 受理 and a unit (TasklistSuggestionTest). Without a unit (the dispatcher
    // clears it) the form marks what is missing and the appeal stays in review.
    assertThat(page.getByLabel("受理", new Page.GetByLabelOptions().setExact(true))).isChecked();
    Locator unit = page.getByLabel("承办单位");
    page.locator(".fjs-input-group", new Page.LocatorOptions().setHas(unit)).locator(".fjs-select-cross").click();
    assertThat(unit).hasValue("");
    Locator complete = page.locator("button:has-text('提交')");
    assertThat(page.locator(".fjs-form-field-select .fjs-form-field-error").first()).hasText("此项必填");
    assertThat(complete).isDisabled();
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.PENDING_REVIEW);
    Browser.screenshot(page, "tasklist-review-missing-unit");

    unit.fill("城管");
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("市城管委（cgw）")).click();
    page.locator("#" + page.getByLabel("诉求类型").getAttribute("id") + "-display").click();
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("举报投诉")).click();
    page.getByLabel("一般", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel("转办意见").fill("请于今日安排人员现场核查");
    // Choosing 不予受理 would hide these fields; the reject fields stay out of sight meanwhile.
    assertThat(page.getByLabel("告知诉求人的说明")).hasCount(0);
    Browser.screenshot(page, "tasklist-review-form");
    complete.click();

    await().atMost(Duration.ofSeconds(15)).until(() -> scenario.reload(appeal).status() == AppealStatus.DISPATCHED);
    // The task does not just vanish: the dispatcher is told where the appeal went and by when.
    assertThat(page.locator("#wz-next-step")).containsText(appeal.trackingNumber() + "：已转交 市城管委，签收期限 ");
    Browser.screenshot(page, "tasklist-review-submitted");
    Appeal dispatched = scenario.reload(appeal);
    assertThat(dispatched.departmentCode()).isEqualTo("cgw");
    assertThat(dispatched.dispatchNote()).isEqualTo("请于今日安排人员现场核查");

    // A handler whose browser prefers English still gets Chinese: it is the only language offered.
    Page handler = login("cgw1", "en-US");
    handler.getByText("本部门待办").first().click();
    // The list shows each task's 受理编号 and 标题, so a handler can scan it without opening every task. (Ordered by
    // deadline: where this appeal stands depends on what else the unit has, so the first entry is looked at.)
    Locator entry = handler.locator("ol.tasks-list > li.task").first();
    assertThat(entry).containsText("受理编号");
    assertThat(entry).containsText("标题");
    assertThat(entry.innerText()).containsPattern("WZ\\d{13}");
    assertThat(Browser.latinWords(handler, CAMUNDA_NAMES)).as("English on the unit's task list").isEmpty();
    assertThat(handler.locator(".start-process-action")).isHidden();
    assertThat(handler.locator(".create-task-action")).isHidden();
    assertThat(entry.locator(".priority")).isHidden();
    assertThat(handler.locator(".ce-eol-banner")).isHidden();
    Browser.screenshot(handler, "tasklist-unit-list");
    handler.navigate(tasklist() + "#/?task=" + scenario.task(appeal).getId());
    assertThat(handler.locator(".fjs-form")).containsText("请于今日安排人员现场核查");
    assertThat(Browser.latinWords(handler, CAMUNDA_NAMES)).as("English on the acknowledge task").isEmpty();
    Browser.screenshot(handler, "tasklist-acknowledge-form");
  }

  /**
   * form-js 1.8.7 kept the errors of a field a condition has hidden, and Tasklist kept 提交 disabled while any was
   * held: 不予受理 submitted without a reason, then 受理 chosen again, left the dispatcher stuck until the task was
   * reopened. scripts/form-conditions.js drops them.
   */
  @Test
  void aDecisionChangedAfterARefusedSubmitCanBeSubmitted() {
    // Not the street light of the other test: its unit's queue, ordered by deadline, is looked at there.
    Appeal appeal = scenario.submitAbout("自来水发黄", "武侯区浆洗街这几天自来水发黄，还有一股怪味，水压也很低，烧开了都不敢喝。",
        "武侯区");
    Page page = login("dispatcher");
    page.navigate(tasklist() + "#/?task=" + scenario.task(appeal).getId());
    page.locator(".fjs-form").waitFor();
    page.getByText("领取").first().click();
    assertThat(page.locator("button.claim")).hasCount(0);
    String suggested = page.getByLabel("承办单位").inputValue();

    page.getByLabel("不予受理", new Page.GetByLabelOptions().setExact(true)).check();
    Locator complete = page.locator("button:has-text('提交')");
    complete.click();
    // Refused: the reason is missing, and the form says so.
    assertThat(page.locator(".fjs-form-field-error").first()).isVisible();
    assertThat(complete).isDisabled();
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.PENDING_REVIEW);
    // In Chinese, not form-js's "Field is required." (form-texts.js).
    assertThat(page.locator(".fjs-form-field-error").first()).hasText("此项必填");
    assertThat(Browser.latinWords(page, CAMUNDA_NAMES)).as("English on the refused form").isEmpty();
    Browser.screenshot(page, "tasklist-review-refused");
    // Tasklist's notice of the refusal covers 提交 until it is closed.
    page.locator(".page-notifications button.close:visible").first().click();

    page.getByLabel("受理", new Page.GetByLabelOptions().setExact(true)).check();
    assertThat(page.locator(".fjs-form-field-error")).hasCount(0);
    assertThat(complete).isEnabled();
    // form-js empties the fields 不予受理 hid; the dispatcher chooses the type and complexity again.
    page.locator("#" + page.getByLabel("诉求类型").getAttribute("id") + "-display").click();
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("举报投诉")).click();
    page.getByLabel("一般", new Page.GetByLabelOptions().setExact(true)).check();
    complete.click();
    await().atMost(Duration.ofSeconds(15)).until(() -> scenario.reload(appeal).status() == AppealStatus.DISPATCHED);
    assertThat(scenario.reload(appeal).departmentCode()).isEqualTo(suggested.replaceAll(".*（(\\w+)）", "$1"));
  }

  /** The hint Tasklist shows above a form that cannot be filled in yet ("none" once the task is claimed). */
  private static String claimHint(Page page) {
    return (String) page.locator(".fjs-container").first()
        .evaluate("e => getComputedStyle(e, '::before').content");
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private Page login(String user) {
    return login(user, "zh-CN");
  }

  private Page login(String user, String locale) {
    return browser.tasklist(port, user, locale);
  }
}
