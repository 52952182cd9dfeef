package org.wenzheng.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wenzheng.support.Api;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WebappSession;

/**
 * PostgreSQL stopped under an intake load and started again: while it is away every door answers within 3 s with
 * 503 and Retry-After (problem+json for APIs, a Chinese page for people), health says DOWN; within 10 s of its
 * return everything works without a restart; no appeal a channel was given a receipt for is lost or counted twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "wenzheng.demo.sample-appeals=0")
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class DatabaseOutageTest {

  private static final Path DATA;

  static {
    try {
      Files.createDirectories(Path.of("target"));
      DATA = Files.createTempDirectory(Path.of("target"), "wz-outage");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A data folder of its own (under target/), so that the server can be started again on the same data. */
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("wenzheng.embedded-db.data-dir", DATA::toString);
  }

  @Autowired EmbeddedPostgres postgres;
  @Autowired DatabaseReachability reachability;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void shouldAnswerBusyWhileTheDatabaseIsAwayAndLoseNothing() throws Exception {
    Api api = new Api(port);
    WebappSession tasklist = WebappSession.open(port);
    assertThat(tasklist.login("dispatcher", "demo", "tasklist")).isEqualTo(200);

    // Four channel adapters, each retrying a message until it has a receipt, as the real ones do.
    Map<String, String> receipts = new ConcurrentHashMap<>();
    Map<Integer, String> statuses = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> adapters = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread adapter = new Thread(() -> {
        while (running.get()) {
          String message = "outage-" + UUID.randomUUID();
          while (true) {
            try {
              Api.Response r = api.post("/api/appeals", "intake", appeal(message));
              if (r.status() == 201) {
                receipts.put(message, r.json().get("trackingNumber").asText());
                break;
              }
              statuses.putIfAbsent(r.status(), r.body());
            } catch (IllegalStateException e) {
              statuses.putIfAbsent(-1, String.valueOf(e.getCause())); // the connection itself failed: try again
            }
            sleep(200);
          }
        }
      });
      adapter.start();
      adapters.add(adapter);
    }
    sleep(2000);
    int before = receipts.size();
    assertThat(before).as("receipts before the outage").isPositive();

    postgres.close();
    long stopped = System.nanoTime();
    while (reachability.reachable() && System.nanoTime() - stopped < 3_000_000_000L) {
      sleep(50);
    }
    assertThat(reachability.reachable()).as("outage noticed within 3 s").isFalse();

    Api.Response intake = timed(() -> api.post("/api/appeals", "intake", appeal("outage-probe")));
    assertBusyProblem(intake);
    assertBusyProblem(timed(() -> api.get("/engine-rest/task?maxResults=1", "dispatcher")));
    assertBusyProblem(timed(() -> tasklist.send("GET", "/camunda/api/engine/engine/default/task?maxResults=1",
        null, null)));
    assertBusyProblem(timed(() -> api.get("/api/appeals/1", "dispatcher")));
    Api.Response page = timed(() -> api.get("/track?number=WZ0000000000000", null));
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("系统繁忙，请稍后再试");
    assertThat(page.headers().firstValue("Retry-After")).isPresent();
    Api.Response health = timed(() -> api.get("/actuator/health", null));
    assertThat(health.status()).as(health.body()).isEqualTo(503);
    assertThat(health.body()).contains("DOWN");
    int during = receipts.size();

    EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(DATA.toFile())
        .setCleanDataDirectory(false).setPort(postgres.getPort()).setServerConfig("timezone", "UTC")
        .setServerConfig("max_connections", "100").setRegisterShutdownHook(true).start();
    long back = System.nanoTime();
    Api.Response after;
    do {
      sleep(250);
      after = api.post("/api/appeals", "intake", appeal("outage-after-" + UUID.randomUUID()));
    } while (after.status() != 201 && System.nanoTime() - back < 10_000_000_000L);
    assertThat(after.status()).as("working again within 10 s of the database's return").isEqualTo(201);
    assertThat(api.get("/engine-rest/task?maxResults=1", "dispatcher").status()).isEqualTo(200);
    assertThat(tasklist.send("GET", "/camunda/api/engine/engine/default/task?maxResults=1", null, null).status())
        .isEqualTo(200);
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);

    sleep(1500);
    running.set(false);
    for (Thread adapter : adapters) {
      adapter.join(30_000);
    }
    assertThat(receipts.size()).as("receipts after the outage").isGreaterThan(during);
    assertThat(statuses).as("what the adapters were told meanwhile").containsKey(503).containsOnlyKeys(503);

    // Every receipt stands for exactly one appeal, with its process.
    for (Map.Entry<String, String> receipt : receipts.entrySet()) {
      List<Map<String, Object>> rows = jdbc.sql("select tracking_number, process_instance_id from appeal "
          + "where channel_message_id = ?").param(receipt.getKey()).query().listOfRows();
      assertThat(rows).as(receipt.getKey()).hasSize(1);
      assertThat(rows.get(0).get("tracking_number")).isEqualTo(receipt.getValue());
      assertThat(rows.get(0).get("process_instance_id")).as(receipt.getKey()).isNotNull();
    }
    assertThat(jdbc.sql("select count(*) from appeal a where a.channel_message_id like 'outage-%' and not exists "
        + "(select 1 from act_hi_procinst p where p.id_ = a.process_instance_id)").query(Long.class).single())
        .isZero();
    assertThat(restarted).isNotNull();
  }

  private static void assertBusyProblem(Api.Response response) {
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains("系统繁忙");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
  }

  /** Runs a request and checks that it was answered within 3 s. */
  private static Api.Response timed(Supplier<Api.Response> request) {
    long start = System.nanoTime();
    Api.Response response = request.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    return response;
  }

  private static String appeal(String message) {
    return Api.json(Map.of("channel", "WEB", "channelMessageId", message, "title", "小区路灯不亮",
        "content", "锦江区东大街某小区门口的路灯已经坏了两个星期，晚上出行很不安全，请尽快维修。",
        "citizen", Map.of("name", "赵磊", "phone", "13698765432"),
        "location", Map.of("district", "锦江区", "address", "东大街")));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
