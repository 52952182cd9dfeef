package org.wenzheng.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
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
 * Both doors of Camunda's REST API write and read JSON with the one shared mapper, and write what Camunda's own
 * mapper writes (dates in Camunda's format, in the server's zone).
 */
@WenzhengTest
class SharedObjectMapperTest {

  @Autowired Scenario scenario;
  @LocalServerPort int port;


  @Test
  void shouldServeEveryRestDoorWithTheSharedMapper() {

    Appeal appeal = scenario.submit();
    Task review = scenario.task(appeal);
    Api api = new Api(port);
    WebappSession tasklist = WebappSession.open(port);
    assertThat(tasklist.login("dispatcher", "demo", "tasklist")).isEqualTo(200);

    Api.Response rest = answeredByShared(() -> api.get("/engine-rest/task/" + review.getId(), "dispatcher"));
    Api.Response webapp = answeredByShared(() -> tasklist.send("GET", "/camunda/api/engine/engine/default/task/"
        + review.getId(), null, null));
    Api.Response hal = answeredByShared(() -> api.postHal("/engine-rest/task?maxResults=15", "dispatcher",
        "{\"candidateGroup\":\"dispatch\",\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"));

    assertThat(rest.status()).isEqualTo(200);
    assertThat(webapp.status()).isEqualTo(200);
    assertThat(hal.status()).isEqualTo(200);
    assertThat(hal.body()).contains(review.getId());
    // The JSON Camunda's mapper writes: its date format, numeric zone offset, no timestamps.
    String created = new java.text.SimpleDateFormat(
        org.camunda.bpm.engine.rest.mapper.JacksonConfigurator.DEFAULT_DATE_FORMAT).format(review.getCreateTime());
    assertThat(rest.json().get("created").asText()).isEqualTo(created);
    assertThat(webapp.json().get("created").asText()).isEqualTo(created);
    assertThat(rest.json().get("id").asText()).isEqualTo(review.getId());

    // A body is read with it too: a date in Camunda's format is parsed, an unknown property ignored as Camunda does.
    String after = "{\"candidateGroup\":\"dispatch\",\"unknownToCamunda\":1,\"dueAfter\":\"%s\"}";
    assertThat(answeredByShared(() -> api.postHal("/engine-rest/task?maxResults=15", "dispatcher",
        after.formatted("2000-01-02T09:30:00.000+0800"))).body()).contains(review.getId());
    assertThat(answeredByShared(() -> api.postHal("/engine-rest/task?maxResults=15", "dispatcher",
        after.formatted("2999-01-02T09:30:00.000+0800"))).body()).doesNotContain(review.getId());
  }

  private static Api.Response answeredByShared(Supplier<Api.Response> request) {
    long before = SharedObjectMapper.answered();
    Api.Response response = request.get();
    assertThat(SharedObjectMapper.answered()).as("the shared mapper answered").isGreaterThan(before);
    return response;
  }
}
