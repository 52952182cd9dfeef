package org.wenzheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.Channel;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.support.Browser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengTest;

/**
 * The citizens' side in a real browser, phone-sized: submit an appeal (field errors in place, then the tracking
 * number and the expected response time), track it, answer the handler's question from the link in the email, rate
 * the reply, and read the public board with personal data masked and content shown as text.
 */
@WenzhengTest
class CitizenPagesTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired AppealRepository appeals;
  @Autowired IntakeService intake;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Links in messages name the public address (http://localhost:8080); the test server listens elsewhere. */
  private String local(String link) {
    return url(URI.create(link).getPath());
  }

  @Test
  void shouldSubmitAnAppealFromAPhoneAndShowErrorsInPlaceFirst() {
    Page page = browser.page(true);
    page.navigate(url("/"));
    page.getByLabel("标题").fill("锦江区书院街公厕没有洗手液");
    page.getByLabel("手机号").fill("1381234");
    Response refused = page.waitForResponse(r -> r.url().endsWith("/appeals"),
        () -> page.getByText("提交", new Page.GetByTextOptions().setExact(true)).click());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(page.locator("#content-error")).containsText("请写明诉求内容");
    assertThat(page.locator("#appealType-error")).containsText("请选择诉求类型");
    assertThat(page.locator("#phone-error")).containsText("手机号应为 11 位数字");
    // What was typed stays.
    assertThat(page.getByLabel("标题")).hasValue("锦江区书院街公厕没有洗手液");
    Browser.screenshot(page, "citizen-submit-errors");

    page.getByLabel("咨询办事").check();
    page.getByLabel("诉求内容").fill("书院街地铁站旁公共厕所的洗手液一直是空的，已经一个多月了，请督促补充。");
    page.getByLabel("所在区").selectOption("锦江区");
    page.getByLabel("手机号").fill("13812345678");
    page.getByText("提交", new Page.GetByTextOptions().setExact(true)).click();

    assertThat(page.locator("h1")).hasText("提交成功");
    String trackingNumber = page.locator("#trackingNumber").textContent().strip();
    assertThat(trackingNumber).matches("WZ\\d{13}");
    assertThat(page.locator("#responseDue")).containsText("年");
    Browser.screenshot(page, "citizen-submitted");
    Appeal appeal = appeals.findByTrackingNumber(trackingNumber).orElseThrow();
    assertThat(appeal.channel()).isEqualTo(Channel.WEB);
    assertThat(appeal.citizenPhone()).isEqualTo("13812345678");
    assertThat(appeal.status()).isEqualTo(AppealStatus.PENDING_REVIEW);
    assertThat(scenario.task(appeal)).isNotNull();
  }

  @Test
  void shouldTrackAnswerTheHandlerFromTheEmailLinkAndRateTheReply() {
    Appeal appeal = scenario.submit();
    String last4 = appeal.citizenPhone().substring(appeal.citizenPhone().length() - 4);
    Page page = browser.page(true);

    // Wrong digits get exactly the answer an unknown number gets.
    String wrong = track(page, appeal.trackingNumber(), last4.equals("0000") ? "1111" : "0000");
    String unknown = track(page, "WZ1111111111111", last4);
    assertThat(wrong).isEqualTo(unknown).contains("没有找到");

    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.complete("cgw1", List.of("cgw"), appeal, AppealProcess.TASK_HANDLE, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "QUESTION",
        AppealProcess.VAR_QUESTION_TEXT, "请问坏的是哪一根路灯？附近有什么标志？"));

    // The question arrives by email with a link that needs no login.
    String mail = TestMail.about(appeal.citizenEmail(), appeal.trackingNumber(), "了解情况");
    Matcher link = Pattern.compile("http://localhost:8080/c/\\S+").matcher(mail);
    assertThat(link.find()).isTrue();
    page.navigate(local(link.group()));
    assertThat(page.locator("#answer-form")).containsText("请问坏的是哪一根路灯");
    page.getByLabel("您的答复").fill("双桥路和双桥子街路口往北第三根，旁边是公交站。");
    page.getByText("提交答复").click();
    assertThat(page.locator("#action-done")).containsText("已收到您的答复");
    Browser.screenshot(page, "citizen-answered");
    assertThat(scenario.task(appeal, AppealProcess.TASK_HANDLE)).isNotNull();

    scenario.reply(appeal, "cgw", "RESOLVED", "已更换双桥路往北第三根路灯的灯具，恢复照明。");

    track(page, appeal.trackingNumber(), last4);
    assertThat(page.locator("#progress-status")).hasText("已答复待回访");
    assertThat(page.locator("#reply")).containsText("已更换双桥路往北第三根路灯的灯具");
    assertThat(page.locator("#timeline")).containsText("已转交市城管委办理");
    assertThat(page.locator("#timeline")).containsText("市城管委已签收");
    assertThat(page.locator("#timeline")).containsText("承办单位向您了解情况");
    assertThat(page.locator("#timeline")).containsText("您已答复");
    assertThat(page.locator("#timeline")).not().containsText("cgw1");
    Browser.screenshot(page, "citizen-track-replied");

    page.getByLabel("满意", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByText("提交评价").click();
    assertThat(page.locator("#action-done")).containsText("已收到您的评价");
    Appeal rated = scenario.reload(appeal);
    assertThat(rated.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(rated.ratedBy()).isEqualTo("CITIZEN");
    assertThat(rated.status()).isEqualTo(AppealStatus.CONCLUDED);
    // The same link cannot rate twice.
    assertThat(page.locator("#rate-form")).hasCount(0);
  }

  private String track(Page page, String number, String digits) {
    page.navigate(url("/track"));
    page.getByLabel("受理编号").fill(number);
    page.getByLabel("手机号后四位").fill(digits);
    page.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
    return page.locator("#track-message").count() > 0 ? page.locator("#track-message").textContent() : "";
  }

  @Test
  void shouldShowTheBoardWithoutPersonalDataAndNeverAsHtml() {
    String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    Appeal answered = submitFor("双桥路200号门口<script>alert('x')</script>积水，联系人王小明，电话" + phone, "王小明", phone);
    scenario.review(answered, "cgw");
    scenario.acknowledge(answered, "cgw");
    scenario.reply(answered, "cgw", "RESOLVED", "已疏通双桥路200号门口的雨水口，已电话告知王小明（" + phone + "）。");

    // An appeal dispatched three days ago that no one acknowledged.
    Scenario.clock(java.time.LocalDateTime.now(org.wenzheng.calendar.EngineClock.ZONE).minusDays(3).withNano(0)
        .toString());
    Appeal late = scenario.submit();
    scenario.review(late, "jtj");
    ClockUtil.reset();

    // A unit that returned the same appeal twice without reason, publicly criticised (通报批评).
    Appeal shirked = scenario.disputed("sthjj");
    scenario.resolveDispute(shirked, "sthjj", List.of(), "由市生态环境局主办。");
    scenario.settleAccountability(shirked, "sthjj", "PUBLIC_CRITICISM", 0);

    Page page = browser.page(true);
    AtomicBoolean dialog = new AtomicBoolean();
    page.onDialog(d -> {
      dialog.set(true);
      d.dismiss();
    });
    page.navigate(url("/board"));
    var item = page.locator("article", new Page.LocatorOptions().setHasText(answered.trackingNumber()));
    assertThat(item).containsText("<script>alert('x')</script>");
    assertThat(item).containsText("王**");
    assertThat(item).containsText(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(item).containsText("已疏通双桥路***号门口的雨水口");
    assertThat(item).not().containsText(phone);
    assertThat(item).not().containsText("王小明");
    assertThat(item).not().containsText("200号");
    assertThat(page.locator("main script")).hasCount(0);
    assertThat(dialog.get()).isFalse();
    assertThat(page.locator(".criticism", new Page.LocatorOptions().setHasText("市生态环境局")))
        .containsText("同一诉求多次不当退单");
    Browser.screenshot(page, "board-answered");

    page.getByText("超期未办结").click();
    var overdue = page.locator("article", new Page.LocatorOptions().setHasText(late.trackingNumber()));
    assertThat(overdue).containsText("市交通运输局");
    assertThat(overdue).containsText("超期");
    Browser.screenshot(page, "board-overdue");

    page.getByText("正在办理").click();
    assertThat(page.locator("h1")).hasText("问题与答复");
    var handling = page.locator("article", new Page.LocatorOptions().setHasText(late.trackingNumber()));
    // Newest first, 20 a page: appeals other tests left in progress may put this one on a later page.
    for (int i = 0; i < 20 && handling.count() == 0 && page.getByText("下一页").count() > 0; i++) {
      page.getByText("下一页").click();
      page.waitForLoadState();
    }
    assertThat(handling).containsText("承办：市交通运输局");
    assertThat(handling).containsText("办理时限");
    assertThat(handling.locator(".badge.late")).hasText("已超期");
    Browser.screenshot(page, "board-progress");
  }

  private Appeal submitFor(String content, String name, String phone) {
    AppealSubmission s = new AppealSubmission("WEB", "board-" + UUID.randomUUID(), "门口积水", content, null, null,
        new AppealSubmission.Citizen(name, phone, null), new AppealSubmission.Location("成华区", "双桥子街道", null),
        false, null);
    return scenario.as("intake", List.of("intake"), () -> intake.submit(s).appeal());
  }
}
