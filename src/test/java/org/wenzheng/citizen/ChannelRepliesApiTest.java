package org.wenzheng.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * A citizen who wrote by SMS answers the handler's question and rates the reply by SMS: the channel adapter relays
 * both through {@code /api/appeals/by-number/{trackingNumber}/...}, and they reach the same waiting process as an
 * answer or a rating on the page.
 */
@WenzhengTest
class ChannelRepliesApiTest {

  private static final String PHONE = "13955550001";

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired CitizenConversation conversation;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  private Appeal asked() {
    Appeal appeal = scenario.submit("SMS", null, PHONE);
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.complete("cgw1", List.of("cgw"), appeal, AppealProcess.TASK_HANDLE, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "QUESTION", AppealProcess.VAR_QUESTION_TEXT, "电线杆上的编号是多少？"));
    return scenario.reload(appeal);
  }

  private static String body(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return Api.json(map);
  }

  private String path(Appeal appeal, String what) {
    return "/api/appeals/by-number/" + appeal.trackingNumber() + "/" + what;
  }

  @Test
  void shouldBringAnAnswerRelayedByTheChannelBackToTheHandler() {
    Appeal appeal = asked();
    assertThat(scenario.task(appeal, AppealProcess.TASK_HANDLE)).isNull();

    // Bad input names the field and changes nothing.
    Api.Response missing = api.post(path(appeal, "answer"), "intake", body("phone", PHONE));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("answer");
    // Another citizen's phone, or a number that does not exist, is the same "not found".
    Api.Response wrongPhone = api.post(path(appeal, "answer"), "intake",
        body("phone", "13955550002", "answer", "编号SQ-0371"));
    Api.Response unknown = api.post("/api/appeals/by-number/WZ0000000000000/answer", "intake",
        body("phone", PHONE, "answer", "编号SQ-0371"));
    assertThat(wrongPhone.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(wrongPhone.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText()
        .replace("WZ0000000000000", appeal.trackingNumber()));
    // A unit's handler cannot speak for the citizen.
    assertThat(api.post(path(appeal, "answer"), "cgw1", body("phone", PHONE, "answer", "x")).status())
        .isEqualTo(403);
    assertThat(scenario.task(appeal, AppealProcess.TASK_HANDLE)).isNull();

    Api.Response ok = api.post(path(appeal, "answer"), "intake", body("phone", PHONE, "answer", "编号SQ-0371"));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("status").asText()).isEqualTo(AppealStatus.HANDLING.name());
    var handle = scenario.task(appeal, AppealProcess.TASK_HANDLE);
    assertThat(handle).isNotNull();
    assertThat((String) runtimeService.getVariable(handle.getExecutionId(), AppealProcess.VAR_CONVERSATION))
        .contains("电线杆上的编号是多少？", "诉求人答：编号SQ-0371");
    assertThat(conversation.questions(appeal.id())).singleElement()
        .satisfies(q -> assertThat(q.answeredVia()).isEqualTo("CHANNEL"));

    Api.Response again = api.post(path(appeal, "answer"), "intake", body("phone", PHONE, "answer", "再说一次"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).isEqualTo("目前没有需要您答复的问题");
  }

  @Test
  void shouldTakeARatingRelayedByTheChannelOnlyWhileTheRatingWindowIsOpen() {
    Appeal appeal = scenario.submit("SMS", null, PHONE);
    Api.Response early = api.post(path(appeal, "rating"), "intake", body("phone", PHONE,
        "satisfaction", "SATISFIED"));
    assertThat(early.status()).isEqualTo(409);

    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已修复。");
    Api.Response unknownValue = api.post(path(appeal, "rating"), "intake", body("phone", PHONE,
        "satisfaction", "UNREACHABLE"));
    assertThat(unknownValue.status()).isEqualTo(400);
    assertThat(unknownValue.json().get("errors").get(0).get("field").asText()).isEqualTo("satisfaction");
    Api.Response noCause = api.post(path(appeal, "rating"), "intake", body("phone", PHONE,
        "satisfaction", "UNSATISFIED"));
    assertThat(noCause.status()).isEqualTo(400);
    assertThat(noCause.json().get("errors").get(0).get("field").asText()).isEqualTo("comment");
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.REPLIED);

    Api.Response rated = api.post(path(appeal, "rating"), "intake", body("phone", PHONE,
        "satisfaction", "SATISFIED", "comment", "修好了"));
    assertThat(rated.status()).isEqualTo(200);
    Appeal done = scenario.reload(appeal);
    assertThat(done.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(done.ratedBy()).isEqualTo("CITIZEN");
    assertThat(done.status()).isIn(AppealStatus.CONCLUDED, AppealStatus.ARCHIVED);
    assertThat(api.post(path(appeal, "rating"), "intake", body("phone", PHONE, "satisfaction", "UNSATISFIED",
        "comment", "改主意了")).status()).isEqualTo(409);
    assertThat(scenario.reload(appeal).satisfaction()).isEqualTo(Satisfaction.SATISFIED);
  }
}
