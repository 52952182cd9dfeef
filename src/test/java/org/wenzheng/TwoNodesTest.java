package org.wenzheng;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.support.Api;
import org.wenzheng.support.CitizenBrowser;

/**
 * Two nodes of the application, each a JVM of its own as in production, on one PostgreSQL and one mail server:
 * appeals submitted to both alternately, with one node killed midway, each get one process and one tracking number
 * and none is lost; every message goes out once; a weekly report scheduled on both nodes at once is mailed once;
 * the audit chain is one unbroken chain; a citizen's tracking limit holds whichever node answers; timers falling
 * due together fire once each, also when a node is killed while firing them.
 */
class TwoNodesTest {

  private static final int APPEALS = 2000;
  private static final int TIMERS = 1000;
  private static final String REPORT_TO = "mayor-" + UUID.randomUUID() + "@example.com";

  @Test
  void shouldDoEverythingOnceWithTwoNodes() throws Exception {
    Path work = Files.createDirectories(Path.of("target", "two-nodes")).toAbsolutePath();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start()) {
      GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      List<Process> nodes = new ArrayList<>();
      try {
        String db = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        int portA = freePort();
        int portB = freePort();
        nodes.add(start("a", portA, db, mail, work));
        awaitHealthy(portA, nodes.get(0), work.resolve("node-a.log"));
        nodes.add(start("b", portB, db, mail, work));
        awaitHealthy(portB, nodes.get(1), work.resolve("node-b.log"));
        // 2,000 appeals, alternately to each node, from eight channel adapters that send a message again (to the
        // other node) until they have a receipt. Node b is killed (SIGKILL) a third of the way through.
        List<Api> apis = new ArrayList<>(List.of(new Api(portA), new Api(portB)));
        JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        Map<String, String> receipts = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService adapters = Executors.newFixedThreadPool(8);
        for (int i = 0; i < APPEALS; i++) {
          int first = i % 2;
          String message = "two-nodes-" + i;
          adapters.submit(() -> {
            for (int attempt = 0; attempt < 20; attempt++) {
              try {
                Api.Response r = apis.get((first + attempt) % 2).post("/api/appeals", "intake", appeal(message));
                // 201: received now; 200: received before (its answer was lost with the node).
                if (r.status() == 201 || r.status() == 200) {
                  receipts.put(message, r.json().get("trackingNumber").asText());
                  return;
                }
              } catch (IllegalStateException connectionLost) {
                // the node is gone: try the other one
              }
              retried.incrementAndGet();
            }
          });
        }
        adapters.shutdown();
        awaitTrue(300, () -> receipts.size() >= APPEALS / 3);
        nodes.get(1).destroyForcibly().waitFor();
        assertThat(adapters.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(retried).as("requests refused or cut off by the kill, sent again").hasPositiveValue();
        assertThat(receipts).hasSize(APPEALS);
        assertThat(Set.copyOf(receipts.values())).hasSize(APPEALS);
        assertThat(jdbc.sql("select count(*) from appeal where channel_message_id like 'two-nodes-%'")
            .query(Long.class).single()).as("no appeal twice").isEqualTo(APPEALS);
        assertThat(jdbc.sql("select count(*) from appeal a join act_hi_procinst p on p.id_ = a.process_instance_id "
            + "where a.channel_message_id like 'two-nodes-%'").query(Long.class).single()).isEqualTo(APPEALS);

        // Node b again.
        nodes.set(1, start("b2", portB, db, mail, work));
        awaitHealthy(portB, nodes.get(1), work.resolve("node-b2.log"));

        // The weekly report, scheduled every five seconds on both nodes: one message for its recipient.
        awaitTrue(60, () -> to(mail, REPORT_TO) > 0);
        Thread.sleep(12_000);
        assertThat(to(mail, REPORT_TO)).isEqualTo(1);

        // A citizen tracking an appeal: five tries an hour, counted on both nodes together.
        String tracked = receipts.values().iterator().next();
        List<CitizenBrowser> browsers = List.of(new CitizenBrowser(portA, "203.0.113.7"),
            new CitizenBrowser(portB, "203.0.113.7"));
        browsers.forEach(b -> b.get("/track"));
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          answers.add(browsers.get(i % 2).post("/track", Map.of("trackingNumber", tracked, "phoneLast4", "0000"),
              true).statusCode());
        }
        assertThat(answers.subList(0, 5)).doesNotContain(429);
        assertThat(answers.get(5)).isEqualTo(429);

        // The dispatch centre sends 1,000 of them to 市城管委, on both nodes: each starts its unit's clocks (timers).
        List<String> numbers = List.copyOf(receipts.values()).subList(0, TIMERS);
        AtomicInteger dispatched = new AtomicInteger();
        ExecutorService dispatchers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < numbers.size(); i++) {
          Api api = apis.get(i % 2);
          String number = numbers.get(i);
          dispatchers.submit(() -> {
            String task = api.get("/engine-rest/task?processInstanceBusinessKey=" + number + "&maxResults=1",
                "dispatcher").json().get(0).get("id").asText();
            if (api.post("/engine-rest/task/" + task + "/complete", "dispatcher", Api.json(Map.of("variables",
                Map.of("reviewDecision", Map.of("value", "ACCEPT"), "departmentCode", Map.of("value", "cgw"),
                    "appealType", Map.of("value", "COMPLAINT"), "complexity", Map.of("value", "GENERAL")))))
                .status() == 204) {
              dispatched.incrementAndGet();
            }
          });
        }
        dispatchers.shutdown();
        assertThat(dispatchers.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(dispatched).hasValue(TIMERS);

        // Every message so far once: the outbox empty, each Message-ID received once.
        awaitTrue(180, () -> jdbc.sql("select count(*) from notification where status = 'PENDING' "
            + "and channel = 'EMAIL'").query(Long.class).single() == 0);
        Map<String, Long> received = List.of(mail.getReceivedMessages()).stream()
            .collect(Collectors.groupingBy(TwoNodesTest::messageId, Collectors.counting()));
        long sent = jdbc.sql("select count(*) from notification where status = 'SENT' and channel = 'EMAIL'")
            .query(Long.class).single();
        assertThat(sent).isGreaterThanOrEqualTo(TIMERS);
        assertThat(received).hasSize((int) sent);
        assertThat(received.values()).allMatch(count -> count == 1);

        // One audit chain, sealed by both nodes in turn.
        awaitTrue(60, () -> apis.get(0).get("/api/audit/verify", "auditor").json().get("unsealedEvents")
            .asLong() == 0);
        Api.Response chain = apis.get(1).get("/api/audit/verify", "auditor");
        assertThat(chain.json().get("intact").asBoolean()).as(chain.body()).isTrue();
        assertThat(chain.json().get("checkedEvents").asLong()).isGreaterThanOrEqualTo(APPEALS);

        // 1,000 timers due at the same moment, and node b killed while both are firing them: each fires once, the
        // jobs b had locked taken over by a when their lock expires.
        List<String> due = jdbc.sql("select id_ from act_ru_job where type_ = 'timer' order by id_ limit " + TIMERS)
            .query(String.class).list();
        assertThat(due).hasSize(TIMERS);
        jdbc.sql("update act_ru_job set duedate_ = now() - interval '1 second' where id_ in (:ids)")
            .param("ids", due).update();
        awaitTrue(60, () -> jdbc.sql("select count(*) from act_hi_job_log where job_id_ in (:ids) and job_state_ = 2")
            .param("ids", due).query(Long.class).single() >= TIMERS / 10);
        nodes.get(1).destroyForcibly().waitFor();
        awaitTrue(180, () -> jdbc.sql("select count(*) from act_ru_job where id_ in (:ids)").param("ids", due)
            .query(Long.class).single() == 0);
        Map<String, Long> fired = jdbc.sql("select job_id_, count(*) from act_hi_job_log where job_id_ in (:ids) "
                + "and job_state_ = 2 group by job_id_").param("ids", due)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(fired).hasSize(TIMERS);
        assertThat(fired.values()).allMatch(count -> count == 1);
      } finally {
        for (Process node : nodes) {
          node.destroy();
        }
        for (Process node : nodes) {
          if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly();
          }
        }
        mail.stop();
      }
    }
  }

  /**
   * A node of the application: the demo profile (its users) on the shared database and mail server, started in a
   * folder of its own (from the project's folder it would also deploy the models in processes/ and forms/).
   */
  private static Process start(String name, int port, String db, GreenMail mail, Path work) throws IOException {
    Path dir = Files.createDirectories(work.resolve("node-" + name));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
        "org.wenzheng.WenzhengApplication",
        "--spring.profiles.active=demo",
        "--server.port=" + port,
        "--spring.datasource.url=" + db,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + mail.getSmtp().getPort(),
        "--wenzheng.demo.sample-appeals=0",
        "--wenzheng.reports.recipients=" + REPORT_TO,
        "--wenzheng.reports.weekly-cron=*/5 * * * * *",
        "--camunda.bpm.job-execution.enabled=true",
        // A killed node's jobs are taken over when their lock expires: 20 s here instead of Camunda's 5 minutes.
        "--camunda.bpm.job-execution.lock-time-in-millis=20000",
        "--logging.level.root=WARN");
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("node-" + name + ".log").toFile()).start();
  }

  private static void awaitHealthy(int port, Process node, Path log) throws Exception {
    Api api = new Api(port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      assertThat(node.isAlive()).as("node on port %d is running (see %s)", port, log).isTrue();
      try {
        if (api.get("/actuator/health", null).status() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("node on port " + port + " not healthy within 180 s (see " + log + ")");
  }

  private static void awaitTrue(int seconds, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + seconds + " s");
      }
      Thread.sleep(500);
    }
  }

  private static String appeal(String message) {
    return Api.json(Map.of("channel", "WEB", "channelMessageId", message, "title", "小区路灯不亮",
        "content", "锦江区东大街某小区门口的路灯已经坏了两个星期，晚上出行很不安全，请尽快维修。",
        "citizen", Map.of("name", "赵磊", "phone", "13698765432", "email", message + "@example.com"),
        "location", Map.of("district", "锦江区", "address", "东大街")));
  }

  private static long to(GreenMail mail, String address) {
    return List.of(mail.getReceivedMessages()).stream().filter(m -> {
      try {
        return List.of(m.getAllRecipients()).stream().anyMatch(a -> a.toString().contains(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
