package org.wenzheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Browser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * Cockpit as the supervision office meets it, in a real browser: the start page, the processes and an appeal's
 * instance speak Chinese (no word of Cockpit's own English texts is visible; the appeal's data, such as variable
 * names, is not Cockpit's text), the appeal is shown with its tracking number, and no request Cockpit makes fails.
 */
@WenzhengTest
class CockpitTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Scenario scenario;

  @Test
  void theSupervisorFindsCockpitInChineseAndEveryRequestAnswered() throws IOException {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Set<String> cockpitWords = englishWordsOfCockpit();

    Page page = browser.page(false, "en-US");
    List<String> failed = new ArrayList<>();
    page.onResponse(r -> {
      if (r.status() >= 400 && r.url().contains("/camunda/") && !r.url().endsWith("/auth/user/default")) {
        failed.add(r.status() + " " + r.request().method() + " " + r.url());
      }
    });
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
    Browser.logIn(page, cockpit, "supervisor");
    assertThat(page.getByText("运行中的流程实例").first()).isVisible();
    page.waitForLoadState();
    assertThat(english(page, cockpitWords)).as("English on Cockpit's start page").isEmpty();
    Browser.screenshot(page, "cockpit-start");

    page.navigate(cockpit + "#/processes");
    assertThat(page.getByText("Appeal").first()).isVisible();
    assertThat(english(page, cockpitWords)).as("English on Cockpit's processes").isEmpty();

    page.navigate(cockpit + "#/process-instance/" + scenario.reload(appeal).processInstanceId() + "/runtime");
    assertThat(page.getByText(appeal.trackingNumber()).first()).isVisible();
    assertThat(page.getByText("departmentCode").first()).isVisible(); // the variables have loaded
    Browser.screenshot(page, "cockpit-instance");
    assertThat(english(page, cockpitWords)).as("English on an appeal in Cockpit").isEmpty();
    // Watching, not changing: no action that would bypass the appeal's steps is offered.
    assertThat(page.locator("a.btn-toolbar").first()).isHidden();
    assertThat(page.locator("td.actions button").first()).isHidden();

    // The other pages a supervisor opens: the Appeal process with its instances, human tasks, decisions.
    page.navigate(cockpit + "#/processes");
    page.getByText("诉求办理").first().click();
    assertThat(page.getByText(appeal.trackingNumber()).first()).isVisible();
    assertThat(english(page, cockpitWords)).as("English on the Appeal process in Cockpit").isEmpty();
    Browser.screenshot(page, "cockpit-process");
    page.navigate(cockpit + "#/tasks");
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    Browser.screenshot(page, "cockpit-tasks");
    assertThat(page.getByText("人工任务").first()).isVisible();
    // Tasks per group name the unit, not its code.
    assertThat(page.locator("table", new Page.LocatorOptions().setHasText("组")).last()).containsText("市城管委");
    assertThat(english(page, cockpitWords)).as("English on Cockpit's human tasks").isEmpty();
    page.navigate(cockpit + "#/decisions");
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    Browser.screenshot(page, "cockpit-decisions");
    assertThat(page.getByText("响应时限").first()).isVisible();
    assertThat(english(page, cockpitWords)).as("English on Cockpit's decisions").isEmpty();

    assertThat(failed).as("requests Cockpit made that failed").isEmpty();
  }

  /**
   * The visible words that are words of Cockpit's own English texts. Not counted: names (Camunda, the time zone, the
   * engine "default", offered as a choice because the process tests' context registers a second engine in this JVM)
   * and the appeal's data as the engine types it in the variables table (Boolean, String, true, ...).
   */
  private static List<String> english(Page page, Set<String> cockpitWords) {
    return Browser.latinWords(page, Set.of("Camunda", "Platform", "Asia", "Shanghai", "ID", "CSV", "JSON", "default",
            "Boolean", "String", "Integer", "Long", "Double", "Short", "Date", "Object", "Json", "Xml", "Bytes",
            "File", "Null", "true", "false"))
        .stream().filter(cockpitWords::contains).toList();
  }

  private static Set<String> englishWordsOfCockpit() throws IOException {
    try (InputStream in = new ClassPathResource("META-INF/resources/webjars/camunda/app/cockpit/locales/en.json")
        .getInputStream()) {
      byte[] bytes = in.readAllBytes();
      int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef ? 3 : 0;
      JsonNode labels = new ObjectMapper().readTree(bytes, start, bytes.length - start).get("labels");
      Set<String> words = new HashSet<>();
      Pattern word = Pattern.compile("[A-Za-z]{2,}");
      labels.forEach(text -> {
        Matcher m = word.matcher(text.asText().replaceAll("\\{\\{[^}]*}}|<[^>]*>", " "));
        while (m.find()) {
          words.add(m.group());
        }
      });
      return words;
    }
  }
}
