package org.wenzheng.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WebappSession;
import org.wenzheng.support.WenzhengTest;

/**
 * "What happened next" after 提交 in Tasklist: told to the user who completed the task, in their webapps session,
 * and to nobody else (no session: 401; another user, or a task still open: 404).
 */
@WenzhengTest
class NextStepTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;

  @Test
  void tellsOnlyTheUserWhoSubmittedTheTask() {
    Appeal appeal = scenario.submit();
    Task review = scenario.task(appeal);
    String path = "/camunda/wenzheng/tasks/" + review.getId() + "/next-step";

    WebappSession dispatcher = WebappSession.open(port);
    assertThat(dispatcher.login("dispatcher", "demo", "tasklist")).isEqualTo(200);
    assertThat(dispatcher.send("GET", path, null, null).status()).as("the task is still open").isEqualTo(404);

    scenario.complete("dispatcher", List.of("dispatch"), appeal, Map.of("reviewDecision", "ACCEPT",
        "departmentCode", "cgw", "appealType", "COMPLAINT", "complexity", "GENERAL"));
    // Completed without claiming (as a REST client may): the engine's operation log names the user.
    Api.Response told = dispatcher.send("GET", path, null, null);
    assertThat(told.status()).isEqualTo(200);
    assertThat(told.json().get("message").asText()).startsWith(appeal.trackingNumber() + "：已转交 市城管委，签收期限 ");

    WebappSession other = WebappSession.open(port);
    assertThat(other.login("gaj1", "demo", "tasklist")).isEqualTo(200);
    assertThat(other.send("GET", path, null, null).status()).isEqualTo(404);
    assertThat(new Api(port).get(path, null).status()).isEqualTo(401);
    assertThat(new Api(port).get(path, "dispatcher").status()).as("HTTP Basic is not a webapps login")
        .isEqualTo(401);
  }
}
