package org.wenzheng.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.routing.RoutingFixtures;
import org.wenzheng.support.TestMail;

/**
 * A real city's load, measured against a bare Camunda engine on the same PostgreSQL in the same run (README, "Load
 * and scale"). Not a unit test: {@code mvn -Pbenchmark test -Dtest=LoadBenchmark}. Stages (all by default, or
 * {@code -Dbenchmark.stages=intake,lifecycle,timers,queue}):
 * <ol>
 *   <li><b>intake</b>: 8 channel adapters post appeals to {@code POST /api/appeals}; the bare engine starts its
 *   process from 8 threads. Appeals (starts) per second and the ratio.</li>
 *   <li><b>lifecycle</b>: 8 clients take appeals through the whole plain path over REST as the real users
 *   (intake, dispatcher, the unit's handler, dispatcher, the citizen's rating by the channel); appeals per second.
 *   Then the bytes of Camunda history each concluded appeal left ({@code ACT_HI_*} rows and their byte arrays).</li>
 *   <li><b>timers</b>: 10,000 response deadlines fall due in the same minute; then deadlines arrive at 10 per
 *   second. Lateness of every reminder and overdue mark.</li>
 *   <li><b>queue</b>: the database is filled to 1,000, 10,000 and 100,000 open appeals ({@code -Dbenchmark.sizes}),
 *   one in ten waiting for review and the rest with the units as the labelled sample appeals spread them; the bare
 *   engine gets as many waiting tasks for the same groups. Then every task list and count that Tasklist and
 *   {@code /engine-rest} run, per role, p50 and p95.</li>
 * </ol>
 * Writes {@code target/benchmark/load.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true", "wenzheng.demo.sample-appeals=0",
    "logging.level.org.wenzheng=WARN", "logging.level.org.camunda=WARN", "logging.level.com.icegreen=WARN",
    "logging.level.org.springframework=WARN"})
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@org.springframework.context.annotation.Import(LoadBenchmark.Diagnostics.class)
class LoadBenchmark {

  @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
  static class Diagnostics {
    @org.springframework.context.annotation.Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("benchmark.delegate-timing")
    DelegateTiming delegateTiming() {
      return new DelegateTiming();
    }
  }

  private static final Set<String> STAGES = Set.of(System.getProperty("benchmark.stages",
      "intake,lifecycle,timers,queue").split(","));

  /**
   * The queue alone runs without the job executor from the start: a kept database's deadlines are long due in real
   * time, and firing them while the application starts would change the queues about to be measured and load the
   * machine while they are.
   */
  @DynamicPropertySource
  static void jobExecutor(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.job-execution.enabled", () -> !STAGES.equals(Set.of("queue")));
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);
  /**
   * Who calls the bare engine through our door: its authorization is off, so whoever it is costs the same; starting
   * processes, completing tasks and sending messages at will through the REST API is an administrator's right.
   */
  private static final String BARE_USER = "admin";
  /** Requests of each kind before the queue's are measured. */
  private static final int QUEUE_WARMUP = Integer.getInteger("benchmark.queue-warmup", 10);
  /** Time spent per kind of request in the lifecycle (microseconds, summed over clients), for the breakdown. */
  private final Map<String, java.util.concurrent.atomic.LongAdder> stepTimes = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.LongAdder> stepCounts = new java.util.concurrent.ConcurrentHashMap<>();

  private <T> T step(String name, java.util.function.Supplier<T> work) {
    long t = System.nanoTime();
    try {
      return work.get();
    } finally {
      stepTimes.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).add((System.nanoTime() - t) / 1000);
      stepCounts.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }
  }
  /** Units and how many of the labelled sample appeals each handled: the queue is spread the same way. */
  private static final Map<String, Integer> UNIT_WEIGHTS = unitWeights();
  private static final String[] STREETS = {"双桥子街道", "春熙路街道", "草堂街道", "红牌楼街道", "九眼桥街道", "府青路街道",
      "猛追湾街道", "玉林街道", "抚琴街道", "天回镇街道"};

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EmbeddedPostgres postgres;
  @Autowired ProcessEngine processEngine;
  @Autowired IntakeService intake;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ApplicationContext context;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<JsonNode> samples = readSamples();
  private final StringBuilder report = new StringBuilder();
  private double lastLifecycleRate;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void cityScale() throws Exception {
    Set<String> stages = STAGES;
    line("Load benchmark, %s, %d CPUs, PostgreSQL %s (one server for the application and the bare engine)",
        OffsetDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
        jdbc.sql("show server_version").query(String.class).single());
    createDatabase("bare");
    try (BareEngine bare = BareEngine.start(postgres.getPort(), "bare", false)) {
      if (stages.contains("intake")) {
        intake(bare);
      }
    }
    if (stages.contains("lifecycle")) {
      try (BareEngine bare = BareEngine.start(postgres.getPort(), "bare", false)) {
        lifecycle(bare);
      }
    }
    if (stages.contains("timers")) {
      timers();
    }
    if (stages.contains("queue")) {
      createDatabase("bare_queue");
      try (BareEngine bare = BareEngine.start(postgres.getPort(), "bare_queue", true)) {
        queue(bare);
      }
    }
    Path out = Path.of("target", "benchmark", "load.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println("\n" + report);
  }

  private void createDatabase(String name) {
    if (jdbc.sql("select count(*) from pg_database where datname = ?").param(name).query(Long.class).single() == 0) {
      jdbc.sql("create database " + name).update();
    }
  }

  // --- intake ---------------------------------------------------------------------------------------------------

  /**
   * Our intake against the bare engine's start, two ways: in-process (the engine's own pace, no door at all) and
   * through the same door as ours (Tomcat, Spring Security's HTTP Basic, Camunda's REST API: the bare engine is
   * reachable as {@code /engine-rest/engine/{name}}), which is what a channel adapter would call instead.
   */
  private void intake(BareEngine bare) throws Exception {
    int n = Integer.getInteger("benchmark.intake", 3000);
    int warmup = Integer.getInteger("benchmark.warmup", n / 5);
    section("Intake: %d appeals from %d clients (after %d to warm up), against a bare engine's starts", n, CLIENTS,
        warmup);
    // Routing suggestions from a city-sized model: made in the background as review tasks are created, up to the
    // configured rate (wenzheng.routing.at-creation-per-second), the rest when a form is opened or a review completed.
    int dispatches = Integer.getInteger("benchmark.routing-dispatches", 20000);
    RoutingFixtures.learn(context, dispatches);
    long suggestedBefore = suggestedInBackground();
    line("  routing model of %d past dispatches; suggestions made in the background as review tasks are created, at "
        + "most %s a second", dispatches,
        context.getEnvironment().getProperty("wenzheng.routing.at-creation-per-second"));
    AtomicInteger seq = new AtomicInteger();
    String rest = "/engine-rest/engine/" + bare.engine.getName() + "/process-definition/key/" + BareEngine.PROCESS
        + "/start";
    // Warm up all three (JIT, connection pools, caches), then measure each twice, alternating.
    run(warmup, i -> postAppeal(seq.incrementAndGet()));
    run(warmup, i -> bare.start("W-" + i, "dispatch"));
    run(warmup, i -> bareRestStart(rest, "WR-" + i));
    double[] sums = new double[3];
    for (int round = 0; round < 2; round++) {
      double ours = run(n, i -> postAppeal(seq.incrementAndGet()));
      double inProcess = run(n, i -> bare.start("B" + UUID.randomUUID(), "dispatch"));
      double overRest = run(n, i -> bareRestStart(rest, "BR" + UUID.randomUUID()));
      line("  round %d: POST /api/appeals %.0f/s; bare engine in-process %.0f/s, through the same REST door %.0f/s",
          round + 1, ours, inProcess, overRest);
      sums[0] += ours / 2;
      sums[1] += inProcess / 2;
      sums[2] += overRest / 2;
    }
    line("  intake %.0f appeals/s: %.2f x the bare engine's starts through the same door (%.0f/s), %.2f x its "
        + "in-process starts (%.0f/s); goal >= 0.70", sums[0], sums[0] / sums[2], sums[2], sums[0] / sums[1],
        sums[1]);
    line("  suggestions made in the background meanwhile: %d (of %d appeals registered)",
        suggestedInBackground() - suggestedBefore, seq.get());
  }

  /** Routing suggestions made as review tasks were created (neither shown on a form nor made at a decision). */
  private long suggestedInBackground() {
    return jdbc.sql("select count(*) from routing_suggestion where shown_at is null and decided_at is null")
        .query(Long.class).single();
  }

  private void bareRestStart(String path, String businessKey) {
    expect(200, send("POST", path, BARE_USER, json(Map.of("businessKey", businessKey, "variables", Map.of(
        "group", Map.of("value", "dispatch"), "title", Map.of("value", "路灯不亮"),
        "channel", Map.of("value", "WEB"))))));
  }

  private void postAppeal(int i) {
    JsonNode row = samples.get(i % samples.size());
    Map<String, Object> body = submission(row, i);
    HttpResult r = send("POST", "/api/appeals", "intake", json(body));
    if (r.status() != 201) {
      throw new IllegalStateException("intake answered " + r.status() + ": " + r.body());
    }
  }

  private Map<String, Object> submission(JsonNode row, int i) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", row.path("channel").asText());
    body.put("channelMessageId", "load-" + UUID.randomUUID());
    body.put("title", row.path("title").asText());
    body.put("content", row.path("content").asText());
    if ("MAILBOX".equals(row.path("channel").asText())) {
      body.put("mailbox", "mayor");
    }
    body.put("citizen", Map.of("name", "市民" + (i % 1000), "phone", String.format("139%08d", i % 100_000_000)));
    String district = row.path("district").asText();
    if (!district.isEmpty()) {
      body.put("location", Map.of("district", district, "street", STREETS[i % STREETS.length]));
    }
    return body;
  }

  // --- the whole plain path -------------------------------------------------------------------------------------

  private void lifecycle(BareEngine bare) throws Exception {
    int n = Integer.getInteger("benchmark.lifecycle", 1200);
    section("Lifecycle: %d appeals through review, acknowledgement, handling, reply review and rating, %d clients",
        n, CLIENTS);
    List<String> units = List.copyOf(UNIT_WEIGHTS.keySet());
    List<String> trackingNumbers = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger seq = new AtomicInteger(1_000_000);
    // Warm up first: the JIT compiles Camunda, Spring and Jersey for the first minute or so of a fresh JVM.
    run(Integer.getInteger("benchmark.warmup", n / 2), i -> trackingNumbers.add(plainPath(seq.incrementAndGet(),
        units)));
    trackingNumbers.clear();
    DelegateTiming.MICROS.clear();
    DelegateTiming.CALLS.clear();
    stepTimes.clear();
    stepCounts.clear();
    double rate = 0;
    int rounds = Integer.getInteger("benchmark.rounds", 1);
    for (int r = 1; r <= rounds; r++) {
      rate = run(n, i -> trackingNumbers.add(plainPath(seq.incrementAndGet(), units)));
      if (rounds > 1) {
        line("  round %d: %.1f appeals/s", r, rate);
      }
    }
    lastLifecycleRate = rate;
    line("  %.1f appeals/s (goal >= 40), %d requests per appeal", rate, 10);
    stepTimes.forEach((name, micros) -> line("    %-60s %6.1f ms per request", name,
        micros.sum() / 1000.0 / stepCounts.get(name).sum()));
    DelegateTiming.MICROS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> line("    %-60s %6.2f ms per appeal (%d calls)", e.getKey(), e.getValue().sum() / 1000.0 / n,
            DelegateTiming.CALLS.get(e.getKey()).sum()));
    // Archiving runs asynchronously after the rating: wait for it, then weigh each appeal's history.
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline && jdbc.sql("select count(*) from appeal where tracking_number = "
        + "any(?) and status <> 'ARCHIVED'").param(trackingNumbers.toArray(String[]::new)).query(Long.class)
        .single() > 0) {
      Thread.sleep(500);
    }
    history(trackingNumbers);
    bareLifecycle(bare, n);
  }

  /**
   * The baseline: the same shape (a start, four user tasks each found by business key and completed with a variable
   * or two, a timer on one, and a correlated message) on the bare engine, through the same door as ours, from as many
   * clients: what Camunda 7.24 itself does per second on this machine, before any of our work.
   */
  private void bareLifecycle(BareEngine bare, int n) throws Exception {
    String base = "/engine-rest/engine/" + bare.engine.getName();
    AtomicInteger seq = new AtomicInteger();
    IntConsumer path = i -> {
      String key = "BL" + seq.incrementAndGet() + "-" + UUID.randomUUID();
      expect(200, send("POST", base + "/process-definition/key/" + BareEngine.LIFECYCLE + "/start", BARE_USER,
          json(Map.of("businessKey", key, "variables", Map.of("group", Map.of("value", "dispatch"),
              "title", Map.of("value", "路灯不亮"), "channel", Map.of("value", "WEB"))))));
      List<Map<String, Object>> steps = List.of(
          Map.of("reviewDecision", "ACCEPT", "departmentCode", "cgw", "complexity", "GENERAL"), Map.of(),
          Map.of("handlingOutcome", "RESOLVED", "replyText", "已按您反映的情况处理完毕，感谢您的监督。"),
          Map.of("replyReviewDecision", "APPROVE"));
      for (Map<String, Object> variables : steps) {
        JsonNode tasks = expect(200, send("GET", base + "/task?processInstanceBusinessKey=" + key + "&maxResults=1",
            BARE_USER, null)).json();
        Map<String, Object> vars = new LinkedHashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        expect(204, send("POST", base + "/task/" + tasks.get(0).get("id").asText() + "/complete", BARE_USER,
            json(Map.of("variables", vars))));
      }
      expect(204, send("POST", base + "/message", BARE_USER, json(Map.of("messageName", BareEngine.RATED,
          "businessKey", key, "processVariables", Map.of("satisfaction", Map.of("value", "SATISFIED"))))));
    };
    run(Integer.getInteger("benchmark.warmup", n / 2), path);
    double rate = run(n, path);
    line("  bare engine, the same shape through the same door: %.1f appeals/s; ours is %.2f x", rate,
        lastLifecycleRate / rate);
  }

  /** One appeal from registration to the citizen's rating, each step as the user who does it in real life. */
  private String plainPath(int i, List<String> units) {
    JsonNode row = samples.get(i % samples.size());
    Map<String, Object> body = submission(row, i);
    String phone = ((Map<?, ?>) body.get("citizen")).get("phone").toString();
    JsonNode receipt = step("intake POST /api/appeals", () -> expect(201, send("POST", "/api/appeals", "intake",
        json(body)))).json();
    String tn = receipt.get("trackingNumber").asText();
    String unit = units.get(i % units.size());
    complete("review", "dispatcher", tn, Map.of("reviewDecision", "ACCEPT", "departmentCode", unit, "appealType",
        "COMPLAINT", "complexity", "GENERAL"));
    complete("acknowledge", unit + "1", tn, Map.of());
    complete("handle", unit + "1", tn, Map.of("handlingOutcome", "RESOLVED", "replyText",
        "已按您反映的情况处理完毕，感谢您的监督。"));
    complete("reply review", "dispatcher", tn, Map.of("replyReviewDecision", "APPROVE"));
    step("rating POST /api/appeals/by-number/{n}/rating", () -> expect(200, send("POST", "/api/appeals/by-number/"
        + tn + "/rating", "intake", json(Map.of("phone", phone, "satisfaction", "SATISFIED")))));
    return tn;
  }

  private void complete(String step, String user, String trackingNumber, Map<String, Object> variables) {
    JsonNode tasks = step("find task GET /engine-rest/task?processInstanceBusinessKey", () -> expect(200,
        send("GET", "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber + "&maxResults=1", user,
            null))).json();
    if (tasks.isEmpty()) {
      throw new IllegalStateException(user + " sees no task of " + trackingNumber);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    step(step + " POST /engine-rest/task/{id}/complete", () -> expect(204, send("POST", "/engine-rest/task/"
        + tasks.get(0).get("id").asText() + "/complete", user, json(Map.of("variables", vars)))));
  }

  /** Bytes of Camunda history per appeal: its rows in ACT_HI_* and the byte arrays they point to. */
  private void history(List<String> trackingNumbers) {
    List<String> instances = jdbc.sql("select process_instance_id from appeal where tracking_number = any(?)")
        .param(trackingNumbers.toArray(String[]::new)).query(String.class).list();
    List<String> tables = jdbc.sql("""
            select table_name from information_schema.columns
            where table_schema = 'public' and table_name like 'act_hi_%' and column_name = 'root_proc_inst_id_'
            order by table_name""").query(String.class).list();
    Map<String, long[]> perTable = new LinkedHashMap<>();
    long total = 0;
    for (String table : tables) {
      long[] rowsAndBytes = jdbc.sql("select count(*), coalesce(sum(pg_column_size(t.*)), 0) from " + table
              + " t where root_proc_inst_id_ = any(?)").param(instances.toArray(String[]::new))
          .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
      perTable.put(table, rowsAndBytes);
      total += rowsAndBytes[1];
    }
    long[] arrays = jdbc.sql("select count(*), coalesce(sum(pg_column_size(b.*)), 0) from act_ge_bytearray b "
            + "where root_proc_inst_id_ = any(?)").param(instances.toArray(String[]::new))
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    perTable.put("act_ge_bytearray", arrays);
    total += arrays[1];
    double n = instances.size();
    line("  Camunda history per concluded appeal: %.1f KB (goal <= 20 KB), over %d appeals", total / n / 1024,
        instances.size());
    perTable.forEach((table, v) -> {
      if (v[0] > 0) {
        line("    %-28s %6.1f rows %8.0f bytes", table, v[0] / n, v[1] / n);
      }
    });
  }

  // --- timers ---------------------------------------------------------------------------------------------------

  private void timers() throws Exception {
    int burst = Integer.getInteger("benchmark.burst", 10_000);
    section("Timers: %d response deadlines due in the same minute; then deadlines arriving at 10 per second", burst);
    // A Saturday morning: a response deadline is 8 natural hours after dispatch, its reminder at 75% of that. The
    // clock stands still while the burst is dispatched, so that every deadline falls due at the same instant.
    Instant saturday = Instant.parse("2026-12-05T02:00:00Z");
    ClockUtil.setCurrentTime(java.util.Date.from(saturday));
    AtomicInteger seq = new AtomicInteger(2_000_000);
    List<String> units = List.copyOf(UNIT_WEIGHTS.keySet());
    Instant setup = Instant.now();
    run(burst, i -> registerAndDispatch(seq.incrementAndGet(), units.get(i % units.size())));
    line("  %d appeals dispatched (in %s, with the clock standing at %s)", burst,
        Duration.between(setup, Instant.now()).withNanos(0), saturday);
    // Reminders first, as in real life, then the deadlines; the clock moves again from just before each.
    awaitClocks(saturday, saturday, "reminder_at", "reminded_at", burst, "reminders, all due at once");
    awaitClocks(saturday, saturday, "due_at", "overdue_at", burst, "overdue marks, all due at once");

    // Steady arrival: ten dispatches a second for two minutes, a day later, on a moving clock.
    int steady = Integer.getInteger("benchmark.steady-seconds", 120);
    long ahead = offsetNow() + Duration.ofDays(1).toMillis();
    ClockUtil.reset();
    ClockUtil.offset(ahead);
    Instant steadyFirst = ClockUtil.getCurrentTime().toInstant();
    long t0 = System.nanoTime();
    for (int i = 0; i < steady * 10; i++) {
      long due = t0 + i * 100_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      registerAndDispatch(seq.incrementAndGet(), units.get(i % units.size()));
    }
    Instant steadyLast = ClockUtil.getCurrentTime().toInstant();
    awaitClocks(steadyFirst, steadyLast, "reminder_at", "reminded_at", steady * 10, "reminders arriving at 10/s");
    awaitClocks(steadyFirst, steadyLast, "due_at", "overdue_at", steady * 10, "overdue marks arriving at 10/s");
    ClockUtil.reset();
  }

  private static long offsetNow() {
    return ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
  }

  /**
   * Moves the engine clock to 2 s before the first of the clocks' instants in {@code dueColumn} (started between
   * {@code from} and {@code to}), waits until all have fired, and reports each one's lateness.
   */
  private void awaitClocks(Instant from, Instant to, String dueColumn, String firedColumn, int expected,
      String what) throws InterruptedException {
    String where = " from appeal_clock where kind = 'RESPONSE' and started_at between ? and ?";
    Instant firstDue = jdbc.sql("select min(" + dueColumn + ")" + where).params(atUtc(from), atUtc(to))
        .query(OffsetDateTime.class).single().toInstant();
    // From 2 s before the first falls due, the clock moves with real time (a standing clock would never get there).
    ClockUtil.reset();
    ClockUtil.offset(Duration.between(Instant.now(), firstDue).toMillis() - 2000);
    long deadline = System.currentTimeMillis() + 900_000;
    while (System.currentTimeMillis() < deadline && jdbc.sql("select count(*)" + where + " and " + firedColumn
        + " is null").params(atUtc(from), atUtc(to)).query(Long.class).single() > 0) {
      Thread.sleep(250);
    }
    List<Long> lateness = jdbc.sql("select extract(epoch from (" + firedColumn + " - " + dueColumn + ")) * 1000"
            + where + " and " + firedColumn + " is not null order by 1").params(atUtc(from), atUtc(to))
        .query(Double.class).list().stream().map(Math::round).toList();
    line("  %-24s %5d of %5d fired; lateness p50 %5d ms, p99 %6d ms, max %6d ms", what, lateness.size(), expected,
        percentile(lateness, 0.5), percentile(lateness, 0.99), lateness.isEmpty() ? -1
            : lateness.get(lateness.size() - 1));
  }

  private static OffsetDateTime atUtc(Instant i) {
    return i.atOffset(java.time.ZoneOffset.UTC);
  }

  /** Registers an appeal through intake and has the dispatcher send it to the unit, in-process. */
  private void registerAndDispatch(int i, String unit) {
    JsonNode row = samples.get(i % samples.size());
    Map<String, Object> body = submission(row, i);
    AppealSubmission s = JSON.convertValue(body, AppealSubmission.class);
    String tn = as("intake", List.of("intake"), () -> intake.submit(s).appeal().trackingNumber());
    as("dispatcher", List.of("dispatch"), () -> {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(tn)
          .taskDefinitionKey(AppealProcess.TASK_REVIEW).singleResult();
      taskService.complete(task.getId(), Map.of("reviewDecision", "ACCEPT", "departmentCode", unit,
          "appealType", row.path("appealType").asText("COMPLAINT"), "complexity", "GENERAL"));
      return null;
    });
  }

  private void registerOnly(int i) {
    JsonNode row = samples.get(i % samples.size());
    AppealSubmission s = JSON.convertValue(submission(row, i), AppealSubmission.class);
    as("intake", List.of("intake"), () -> intake.submit(s));
  }

  // --- the queue ------------------------------------------------------------------------------------------------

  private void queue(BareEngine bare) throws Exception {
    List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,100000").split(","))
        .map(Integer::parseInt).toList();
    section("Queue: every task list and count, per role, p50 / p95 of %d requests (ms)", SAMPLES);
    // Nothing falls due while the queue is measured: the clock runs a week behind and the job executor rests.
    JobExecutor executor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getJobExecutor();
    executor.shutdown();
    List<String> weighted = weightedUnits();
    Map<String, String> filters = new LinkedHashMap<>();
    for (JsonNode f : expect(200, send("GET", "/engine-rest/filter?resourceType=Task&maxResults=50", "admin", null))
        .json()) {
      filters.put(f.get("name").asText(), f.get("id").asText());
    }
    List<String> bareGroups = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bareGroups.add(i == 0 ? "dispatch" : weighted.get(i % weighted.size()));
    }
    for (int size : sizes) {
      Instant fillStart = Instant.now();
      fillTo(size, weighted);
      Duration fill = Duration.between(fillStart, Instant.now());
      long open = openAppeals();
      long dispatchQueue = taskService.createTaskQuery().taskCandidateGroup("dispatch").count();
      long cgwQueue = taskService.createTaskQuery().taskCandidateGroup("cgw").includeAssignedTasks().count();
      line("");
      line("  %,d open appeals (filled in %s): dispatch centre %,d waiting, 市城管委 %,d", open, fill.withNanos(0),
          dispatchQueue, cgwQueue);
      jdbc.sql("analyze").update();
      measureRole("dispatcher", "dispatch", filters);
      measureRole("cgw1", "cgw", filters);
      measureRole("cgwlead", "cgw", filters);
      measureRole("supervisor", "supervision", filters);
      if (!Boolean.parseBoolean(System.getProperty("benchmark.bare", "true"))) {
        continue;
      }
      // The baseline: a bare engine with as many waiting tasks for the same groups, authorization on.
      bare.fillQueue(size, bareGroups, 4);
      line("    bare engine, %,d waiting tasks for the same groups, authorization on (in-process, no HTTP):",
          bare.engine.getTaskService().createTaskQuery().count());
      measureBare(bare, "dispatcher", "dispatch");
      measureBare(bare, "cgw1", "cgw");
    }
    // The job executor stays off: the week-old deadlines of the filled queue would all fall due at once.
  }

  /** The bare engine's own task query and count, as the same user; few samples, since they take seconds. */
  private void measureBare(BareEngine bare, String user, String group) {
    IdentityService ids = bare.engine.getIdentityService();
    TaskService tasks = bare.engine.getTaskService();
    Runnable list = () -> tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskCreateTime().desc()
        .listPage(0, 15);
    Runnable count = () -> tasks.createTaskQuery().taskCandidateGroup(group).count();
    for (Map.Entry<String, Runnable> q : Map.of("task list (15) candidateGroup=" + group, list,
        "task count candidateGroup=" + group, count).entrySet()) {
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        long t = System.nanoTime();
        ids.setAuthentication(user, List.of(group));
        try {
          q.getValue().run();
        } finally {
          ids.clearAuthentication();
        }
        long micros = (System.nanoTime() - t) / 1000;
        if (i > 0) {
          times.add(micros);
        }
        if (micros > 20_000_000) {
          break; // twenty seconds: the point is made
        }
      }
      Collections.sort(times);
      line("    %-11s %-66s %s", user, "bare " + q.getKey(), times.isEmpty() ? "> 20 s" : stats(times));
    }
  }

  private static final int SAMPLES = Integer.getInteger("benchmark.samples", 30);

  private void measureRole(String user, String group, Map<String, String> filters) {
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("GET  /engine-rest/task?candidateGroup=" + group + " (15)",
        "/engine-rest/task?candidateGroup=" + group + "&firstResult=0&maxResults=15&sortBy=created&sortOrder=desc");
    requests.put("GET  /engine-rest/task/count?candidateGroup=" + group,
        "/engine-rest/task/count?candidateGroup=" + group);
    requests.put("GET  /engine-rest/filter?itemCount=true (every filter's count)",
        "/engine-rest/filter?resourceType=Task&itemCount=true&maxResults=50");
    StringBuilder row = new StringBuilder();
    for (Map.Entry<String, String> r : requests.entrySet()) {
      List<Long> times = time(() -> expect(200, send("GET", r.getValue(), user, null)));
      line("    %-11s %-66s %s", user, r.getKey(), stats(times));
    }
    for (Map.Entry<String, String> f : filters.entrySet()) {
      List<Long> list = time(() -> expect(200, sendHal("/engine-rest/filter/" + f.getValue()
          + "/list?firstResult=0&maxResults=15", user,
          "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}")));
      List<Long> count = time(() -> expect(200, send("GET", "/engine-rest/filter/" + f.getValue() + "/count", user,
          null)));
      line("    %-11s %-66s %s", user, "POST filter " + f.getKey() + " list (15, as Tasklist)", stats(list));
      line("    %-11s %-66s %s", user, "GET  filter " + f.getKey() + " count", stats(count));
    }
  }

  private List<Long> time(Runnable request) {
    // Unmeasured first: the JIT compiles each kind of query's path on its first few calls in a fresh JVM.
    for (int i = 0; i < QUEUE_WARMUP; i++) {
      request.run();
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long t = System.nanoTime();
      request.run();
      times.add((System.nanoTime() - t) / 1000);
    }
    Collections.sort(times);
    return times;
  }

  private static String stats(List<Long> micros) {
    return String.format(Locale.ROOT, "%7.1f %7.1f", percentile(micros, 0.5) / 1000.0,
        percentile(micros, 0.95) / 1000.0);
  }

  private long openAppeals() {
    return jdbc.sql("select count(*) from appeal where status not in ('REJECTED', 'MERGED', 'CONCLUDED', "
        + "'ARCHIVED')").query(Long.class).single();
  }

  /**
   * Fills the database to {@code target} open appeals through the real steps, in-process: intake, and for nine in
   * ten the dispatcher's review to a unit. The engine clock runs over the week before, so that the queues hold old
   * and new work, some of it overdue.
   */
  private void fillTo(int target, List<String> weighted) throws Exception {
    long open = openAppeals();
    int missing = (int) Math.max(0, target - open);
    if (missing == 0) {
      return;
    }
    Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
    AtomicInteger done = new AtomicInteger();
    AtomicInteger seq = new AtomicInteger(3_000_000 + (int) open);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit(() -> {
        for (int k = done.getAndIncrement(); k < missing; k = done.getAndIncrement()) {
          ClockUtil.setCurrentTime(java.util.Date.from(weekAgo.plus(Duration.ofMillis(
              (long) ((double) (open + k) / target * Duration.ofDays(5).toMillis())))));
          int i = seq.incrementAndGet();
          if (i % 10 == 0) {
            registerOnly(i);
          } else {
            registerAndDispatch(i, weighted.get(i % weighted.size()));
          }
          if (k % 5000 == 0) {
            System.out.println("benchmark: " + (open + k) + " open appeals");
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static List<String> weightedUnits() {
    List<String> list = new ArrayList<>();
    UNIT_WEIGHTS.forEach((unit, weight) -> {
      for (int i = 0; i < weight; i++) {
        list.add(unit);
      }
    });
    Collections.shuffle(list, new Random(7));
    return list;
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  /** Runs {@code n} tasks on {@link #CLIENTS} threads; answers the rate per second. */
  private static double run(int n, IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      workers.add(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          task.accept(i);
        }
        return null;
      });
    }
    long start = System.nanoTime();
    for (Future<Void> f : pool.invokeAll(workers)) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return n / seconds;
  }

  private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  record HttpResult(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new IllegalStateException(body, e);
      }
    }
  }

  private static HttpResult expect(int status, HttpResult r) {
    if (r.status() != status) {
      throw new IllegalStateException("expected " + status + " but got " + r.status() + ": " + r.body());
    }
    return r;
  }

  /**
   * One request on a kept-alive connection (HttpURLConnection: the JDK's HttpClient spends more CPU per request than
   * the server's lighter endpoints, and the clients share the machine with the application).
   */
  private HttpResult send(String method, String path, String user, String body) {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create("http://localhost:" + port + path)
          .toURL().openConnection();
      c.setRequestMethod(method);
      c.setRequestProperty("Authorization", basic(user));
      c.setRequestProperty("Accept", "application/json");
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (var out = c.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = c.getResponseCode();
      var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (in != null) {
        in.close();
      }
      return new HttpResult(status, text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A filter's task list as Tasklist asks for it: HAL, with the filter's variables and the candidate groups. */
  private HttpResult sendHal(String path, String user, String body) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(user)).header("Accept", "application/hal+json, application/json; q=0.5")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpResult send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new HttpResult(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)));
  }

  private void section(String format, Object... args) {
    line("");
    line(format, args);
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    report.append(s).append('\n');
    System.out.println("benchmark | " + s);
  }

  private static List<JsonNode> readSamples() {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new ClassPathResource("demo-appeals.jsonl").getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonNode row = JSON.readTree(line);
          if (!row.path("invalid").asBoolean() && !row.path("department").asText().isEmpty()) {
            rows.add(row);
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static Map<String, Integer> unitWeights() {
    Map<String, Integer> counts = readSamples().stream().collect(Collectors.groupingBy(
        r -> r.path("department").asText(), LinkedHashMap::new, Collectors.summingInt(r -> 1)));
    return Collections.unmodifiableMap(counts);
  }
}
