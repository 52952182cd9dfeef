package org.wenzheng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.support.Api;
import org.wenzheng.support.WenzhengTest;

/** {@code POST /api/appeals} as channel adapters and hotline operators use it. */
@WenzhengTest
class IntakeApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  static Map<String, Object> valid() {
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "WECHAT");
    body.put("channelMessageId", "wx-" + UUID.randomUUID());
    body.put("title", "小区门口占道经营");
    body.put("content", "武侯区红牌楼蓉锦佳苑门口每天傍晚占道摆摊，车辆无法通行。");
    body.put("appealType", "COMPLAINT");
    body.put("citizen", Map.of("name", "王芳", "phone", "13912345678", "email", "wangfang@example.com"));
    body.put("location", Map.of("district", "武侯区", "street", "红牌楼街道", "address", "蓉锦佳苑"));
    return body;
  }

  @Test
  void shouldRegisterAnAppealAndStartItsProcess() {
    Map<String, Object> body = valid();
    Api.Response r = api.post("/api/appeals", "intake", Api.json(body));

    assertThat(r.status()).isEqualTo(201);
    JsonNode receipt = r.json();
    String trackingNumber = receipt.get("trackingNumber").asText();
    assertThat(trackingNumber).matches("WZ\\d{13}");
    assertThat(TrackingNumbers.isWellFormed(trackingNumber)).isTrue();
    assertThat(receipt.get("status").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(r.headers().firstValue("Location")).hasValue("/api/appeals/" + receipt.get("id").asLong());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count())
        .isEqualTo(1);
  }

  @Test
  void shouldKeepWhereTheCitizenWasWhenTheChannelSays() {
    Map<String, Object> body = valid();
    body.put("location", Map.of("district", "成华区", "address", "双桥路100号", "lat", 30.667123, "lon", 104.101456));
    Api.Response r = api.post("/api/appeals", "intake", Api.json(body));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(jdbc.sql("select lat || ',' || lon from appeal where id = ?").param(r.json().get("id").asLong())
        .query(String.class).single()).isEqualTo("30.667123,104.101456");
  }

  @Test
  void shouldLetTheDispatchCentreRegisterAHotlineCall() {
    Map<String, Object> body = valid();
    body.put("channel", "HOTLINE");
    body.put("title", "");
    body.put("content", "来电人称：青羊区草堂街道便民服务中心窗口人员态度差，材料不全也不说明缺什么。");
    Api.Response r = api.post("/api/appeals", "dispatcher", Api.json(body));

    assertThat(r.status()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    // A call has no title: the first words of the content stand in, so lists stay readable.
    assertThat(jdbc.sql("select title from appeal where id = ?").param(id).query(String.class).single())
        .startsWith("来电人称：青羊区草堂街道便民服务中心");
  }

  @Test
  void shouldAnswerTheSameAppealWhenTheSameChannelMessageComesAgain() {
    String body = Api.json(valid());
    Api.Response first = api.post("/api/appeals", "intake", body);
    Api.Response again = api.post("/api/appeals", "intake", body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(again.json().get("trackingNumber")).isEqualTo(first.json().get("trackingNumber"));
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(first.json().get("trackingNumber").asText()).count()).isEqualTo(1);
  }

  @Test
  void shouldRegisterOneAppealWhenIdenticalRequestsRace() throws Exception {
    Map<String, Object> body = valid();
    String json = Api.json(body);
    int racers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Api.Response>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        Callable<Api.Response> call = () -> {
          start.await();
          return api.post("/api/appeals", "intake", json);
        };
        results.add(pool.submit(call));
      }
      start.countDown();
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> f : results) {
        responses.add(f.get());
      }
      assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201);
      assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
      assertThat(responses).extracting(r -> r.json().get("id").asLong()).containsOnly(
          responses.get(0).json().get("id").asLong());
    } finally {
      pool.shutdownNow();
    }
    String messageId = (String) body.get("channelMessageId");
    assertThat(jdbc.sql("select count(*) from appeal where channel_message_id = ?").param(messageId)
        .query(Long.class).single()).isEqualTo(1);
    String trackingNumber = jdbc.sql("select tracking_number from appeal where channel_message_id = ?")
        .param(messageId).query(String.class).single();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count())
        .isEqualTo(1);
  }

  static List<Object[]> badInput() {
    return List.of(
        bad("content", b -> b.remove("content")),
        bad("content", b -> b.put("content", "   ")),
        bad("content", b -> b.put("content", "长".repeat(AppealSubmission.MAX_CONTENT + 1))),
        bad("channel", b -> b.put("channel", "FAX")),
        bad("channel", b -> b.remove("channel")),
        bad("channelMessageId", b -> b.remove("channelMessageId")),
        bad("citizen.phone", b -> b.put("citizen", Map.of("phone", "12345"))),
        bad("citizen.email", b -> b.put("citizen", Map.of("phone", "13912345678", "email", "not-an-email"))),
        bad("appealType", b -> b.put("appealType", "GOSSIP")),
        bad("mailbox", b -> b.put("mailbox", "nosuchbox")),
        bad("mailbox", b -> {
          b.put("channel", "MAILBOX");
          b.remove("mailbox");
        }),
        bad("title", b -> b.put("title", "题".repeat(101))),
        bad("location.lat", b -> b.put("location", Map.of("district", "成华区", "lat", 95, "lon", 104.1))),
        bad("location.lon", b -> b.put("location", Map.of("district", "成华区", "lat", 30.6, "lon", -181))));
  }

  private static Object[] bad(String field, java.util.function.Consumer<Map<String, Object>> change) {
    Map<String, Object> body = valid();
    change.accept(body);
    return new Object[] {field, body};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void shouldRefuseBadInputNamingTheFieldAndStoreNothing(String field, Map<String, Object> body) {
    long before = appeals();
    Api.Response r = api.post("/api/appeals", "intake", Api.json(body));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode problem = r.json();
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).contains(field);
    assertThat(problem.get("detail").asText()).contains(field);
    assertThat(appeals()).isEqualTo(before);
  }

  @Test
  void shouldRefuseBrokenJson() {
    long before = appeals();
    Api.Response r = api.post("/api/appeals", "intake", "{\"channel\": \"WEB\", \"content\": ");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    assertThat(appeals()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnonymousCallsAndUnitHandlers() {
    String body = Api.json(valid());
    Api.Response anonymous = api.post("/api/appeals", null, body);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(api.post("/api/appeals", "cgw1", body).status()).isEqualTo(403);
  }

  private long appeals() {
    return jdbc.sql("select count(*) from appeal").query(Long.class).single();
  }
}
