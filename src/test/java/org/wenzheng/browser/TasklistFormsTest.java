package org.wenzheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.accountability.AccountabilityProcess;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.supervision.ExtensionRequestProcess;
import org.wenzheng.supervision.SupervisionProcess;
import org.wenzheng.support.Browser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * Every one of the 13 forms, opened in Camunda Tasklist by a user who works it, on a task the process really made
 * (so with the variables and facts it really has): no template left unevaluated ({@code {{}}, ⚠), no English of
 * Camunda's or form-js's, and the notices a step relies on.
 */
@WenzhengTest
class TasklistFormsTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired TaskService taskService;

  record Opened(String form, String user, Appeal appeal, String taskKey) {
  }

  @Test
  void everyFormRendersCompletelyInChinese() {
    List<Opened> forms = new ArrayList<>();
    String dispatcher = "dispatcher";
    List<String> dispatch = List.of("dispatch");

    Appeal review = scenario.submit();
    forms.add(new Opened("review-appeal", dispatcher, review, AppealProcess.TASK_REVIEW));

    Appeal acknowledge = scenario.submit();
    scenario.review(acknowledge, "cgw");
    forms.add(new Opened("acknowledge-appeal", "cgw1", acknowledge, AppealProcess.TASK_ACKNOWLEDGE));

    Appeal handle = scenario.submit();
    scenario.review(handle, "cgw");
    scenario.acknowledge(handle, "cgw");
    forms.add(new Opened("handle-appeal", "cgw1", handle, AppealProcess.TASK_HANDLE));

    Appeal replied = scenario.submit();
    scenario.review(replied, "cgw");
    scenario.acknowledge(replied, "cgw");
    scenario.submitReply(replied, "cgw", "RESOLVED", "路灯已修复，感谢监督。");
    forms.add(new Opened("review-reply", dispatcher, replied, AppealProcess.TASK_REVIEW_REPLY));

    Appeal visit = scenario.submit();
    scenario.review(visit, "cgw");
    scenario.acknowledge(visit, "cgw");
    scenario.reply(visit, "cgw", "RESOLVED", "路灯已修复，感谢监督。");
    scenario.ratingWindowCloses(visit);
    forms.add(new Opened("return-visit", dispatcher, visit, AppealProcess.TASK_RETURN_VISIT));

    Appeal returned = scenario.submit();
    scenario.review(returned, "cgw");
    scenario.acknowledge(returned, "cgw");
    scenario.returnToDispatch(returned, "cgw", "噪声扰民属生态环境部门职责。");
    forms.add(new Opened("decide-return", dispatcher, returned, AppealProcess.TASK_DECIDE_RETURN));

    Appeal disputed = scenario.disputed("sthjj");
    forms.add(new Opened("resolve-dispute", "supervisor", disputed, AppealProcess.TASK_RESOLVE_DISPUTE));

    Appeal ruled = scenario.disputed("sthjj");
    scenario.resolveDispute(ruled, "sthjj", List.of("jtj"), "由市生态环境局主办，市交通运输局协办。");
    scenario.acknowledge(ruled, "sthjj"); // the lead acknowledges; then each co-handling unit has its task
    forms.add(new Opened("co-handle-appeal", "jtj1", ruled, AppealProcess.TASK_CO_HANDLE));
    forms.add(new Opened("explain-case", "sthjjlead", ruled, AccountabilityProcess.TASK_EXPLAIN));

    Appeal case2 = scenario.disputed("sthjj");
    scenario.resolveDispute(case2, "sthjj", List.of(), "由市生态环境局主办。");
    scenario.complete("sthjjlead", List.of("sthjj", "leaders", "sthjjleaders"), case2,
        AccountabilityProcess.TASK_EXPLAIN, Map.of("explanation", "经办人对职责清单理解有误，已组织学习。"));
    forms.add(new Opened("rule-case", "supervisor", case2, AccountabilityProcess.TASK_RULE));
    scenario.acknowledge(case2, "sthjj"); // the designated lead unit handles it, with no co-handlers

    Appeal extension = extensionRequested();
    forms.add(new Opened("approve-extension-leader", "cgwlead", extension, ExtensionRequestProcess.TASK_LEADER));

    Appeal extension2 = extensionRequested();
    scenario.complete("cgwlead", List.of("cgw", "leaders", "cgwleaders"), extension2,
        ExtensionRequestProcess.TASK_LEADER, Map.of(ExtensionRequestProcess.VAR_LEADER_DECISION, "APPROVE",
            ExtensionRequestProcess.VAR_LEADER_NOTE, "情况属实，同意延期。"));
    forms.add(new Opened("approve-extension-supervisor", "supervisor", extension2,
        ExtensionRequestProcess.TASK_SUPERVISION));

    // Dispatched three days ago and never acknowledged: the overdue mark starts a supervision case.
    Scenario.clock(LocalDateTime.now(EngineClock.ZONE).minusDays(3).withNano(0).toString());
    Appeal late = scenario.submit();
    scenario.review(late, "jtj");
    ClockUtil.reset();
    scenario.fireDueTimers(late);
    forms.add(new Opened("supervise-appeal", "supervisor", late, SupervisionProcess.TASK_SUPERVISE));

    assertThat(forms).extracting(Opened::form).doesNotHaveDuplicates().hasSize(13);
    List<String> problems = new ArrayList<>();
    for (Opened o : forms) {
      // An appeal late for both clocks has two supervision cases; either will do.
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(o.appeal().trackingNumber())
          .taskDefinitionKey(o.taskKey()).list().stream().findFirst().orElse(null);
      assertThat(task).as(o.form()).isNotNull();
      Page page = login(o.user());
      page.navigate(tasklist() + "#/?task=" + task.getId());
      Locator form = page.locator(".fjs-form");
      try {
        assertThat(form).containsText(o.appeal().trackingNumber());
      } finally {
        Browser.screenshot(page, "form-" + o.form());
      }
      String text = form.innerText();
      if (text.contains("{{") || text.contains("⚠")) {
        problems.add(o.form() + ": an unevaluated template: " + text);
      }
      // The form (its text and the hints in its inputs) and the task's header (the list around it holds other tests'
      // tasks; TasklistReviewTest checks it).
      String hints = String.join(" ", form.locator("input[placeholder], textarea[placeholder]")
          .evaluateAll("inputs => inputs.map(i => i.getAttribute('placeholder'))").toString());
      List<String> english = new ArrayList<>(Browser.latinWords(text + " " + hints,
          TasklistReviewTest.CAMUNDA_NAMES));
      english.addAll(Browser.latinWords(page.locator("header:has([cam-tasklist-task-meta])").first()
          .innerText(), TasklistReviewTest.CAMUNDA_NAMES));
      if (!english.isEmpty()) {
        problems.add(o.form() + ": English " + english);
      }
      page.context().close();
    }
    assertThat(problems).isEmpty();

    // The designated lead unit's handling form says that the appeal can no longer be returned.
    Page lead = login("sthjj1");
    lead.navigate(tasklist() + "#/?task=" + scenario.task(case2, AppealProcess.TASK_HANDLE).getId());
    try {
      assertThat(lead.locator(".fjs-form")).containsText("本件经督查室裁定由本单位主办（首接负责制），不能再退回");
    } finally {
      Browser.screenshot(lead, "form-handle-appeal-lead-unit");
    }
  }

  /** An appeal at 市城管委 whose handler asked for ten more days. */
  private Appeal extensionRequested() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.complete("cgw1", List.of("cgw"), appeal, AppealProcess.TASK_HANDLE, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "EXTENSION",
        AppealProcess.VAR_EXTENSION_REASON, "需更换整段供电电缆，须等供电公司停电窗口。",
        AppealProcess.VAR_EXTENSION_UNTIL, LocalDate.now(EngineClock.ZONE).plusDays(10).toString()));
    return appeal;
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private Page login(String user) {
    return browser.tasklist(port, user, "zh-CN");
  }
}
