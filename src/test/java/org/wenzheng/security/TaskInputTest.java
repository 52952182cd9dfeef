package org.wenzheng.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WebappSession;
import org.wenzheng.support.WenzhengTest;

/**
 * What a task user sends is what their form asks for, and what they read is what was written: a completion that
 * carries any other variable is refused with 400 (at /engine-rest and in Tasklist's session) and nothing moves; a
 * citizen's Markdown shows as plain text on the handler's form; the demo inbox is the administrators' alone.
 */
@WenzhengTest
class TaskInputTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired IntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  @Test
  void shouldRefuseACompletionWithValuesTheFormDoesNotAskFor() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    String task = scenario.task(appeal).getId();
    Api api = new Api(port);

    Api.Response r = api.post("/engine-rest/task/" + task + "/complete", "cgw1",
        "{\"variables\":{\"departmentCode\":{\"value\":\"gaj\"},\"citizenPhone\":{\"value\":\"13900000000\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("citizenPhone").contains("表单没有这一项");

    WebappSession tasklist = WebappSession.open(port);
    assertThat(tasklist.login("cgw1", "demo", "tasklist")).isEqualTo(200);
    Api.Response viaTasklist = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", "{\"variables\":{\"departmentCode\":{\"value\":\"gaj\"}}}", null);
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(400);
    assertThat(viaTasklist.body()).contains("departmentCode");

    // Nothing moved: the task waits, the process still sends the appeal to cgw.
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(appeal.processInstanceId(), "departmentCode")).isEqualTo("cgw");
    assertThat(runtimeService.getVariable(appeal.processInstanceId(), "citizenPhone")).isNull();

    // The form's own values go through.
    assertThat(tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{}}", null).status()).isEqualTo(204);
  }

  @Test
  void shouldShowACitizensMarkdownAsPlainTextOnTheForm() {
    String content = "[点击这里核实身份](http://evil.example/login) ![x](http://evil.example/x.png)\n# 紧急通知\n"
        + "<b>加粗</b> 1. 第一条";
    AppealSubmission submission = new AppealSubmission("WEB", "md-" + UUID.randomUUID(), "路灯*不亮*", content,
        null, null, new AppealSubmission.Citizen("李四", "13800001234", null),
        new AppealSubmission.Location("成华区", "双桥子街道", "双桥路200号"), false, null);
    Appeal appeal = scenario.as("intake", List.of("intake"), () -> intake.submit(submission).appeal());
    scenario.review(appeal, "cgw");
    String task = scenario.task(appeal).getId();

    var form = new Api(port).get("/engine-rest/task/" + task + "/form-variables", "cgw1").json();
    String shown = form.get("content").get("value").asText();
    assertThat(shown).startsWith("\\[点击这里核实身份\\]\\(http\\:\\/\\/evil\\.example\\/login\\)")
        .contains("\\!\\[x\\]").contains("\\# 紧急通知").contains("\\<b\\>加粗\\<\\/b\\>").contains("1\\. 第一条");
    assertThat(form.get("title").get("value").asText()).isEqualTo("路灯\\*不亮\\*");
    // Stored as written: only the form's rendering is escaped.
    assertThat(scenario.reload(appeal).content()).isEqualTo(content);
  }

  @Test
  void shouldShowTheDemoInboxToAdministratorsOnly() {
    Api api = new Api(port);
    for (String user : List.of("dispatcher", "cgw1", "cgwlead", "supervisor", "auditor", "intake")) {
      assertThat(api.get("/demo/mail", user).status()).as(user).isEqualTo(403);
    }
    assertThat(api.get("/demo/mail", "admin").status()).isNotIn(401, 403);
  }
}
