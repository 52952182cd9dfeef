package org.wenzheng.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.TestMail;

/**
 * How late do overdue marks come when many timers fall due at once, with other jobs competing? Not a unit test: run
 * with {@code mvn -Pbenchmark test} (see README). N appeals (default 10,000, {@code -Dbenchmark.appeals}) wait for
 * acknowledgement with their response timers; N other asynchronous jobs wait suspended. Then the engine clock jumps,
 * first past the reminders (which fire well before the deadline in real life), then so that every response-overdue
 * timer is due at the same instant; the other jobs are released at that instant, and each overdue mark's lateness is
 * its recorded time minus that instant. Afterwards a single timer falls due on
 * an idle engine, three times, to show how soon an idle job executor notices.
 *
 * <p>This class runs the application's configuration; {@link TimerLatencyBaselineBenchmark} runs the same with
 * Camunda's defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "camunda.bpm.job-execution.enabled=true", "camunda.bpm.webapp.enabled=false",
    "logging.level.org.wenzheng=WARN", "logging.level.org.camunda=WARN", "logging.level.com.icegreen=WARN"})
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@Import({Scenario.class, TimerLatencyBenchmark.NoiseConfiguration.class})
class TimerLatencyBenchmark {

  static final String[] UNITS = {"cgw", "gaj", "jtj", "rsj", "jyj", "wjw", "zjj", "sthjj", "scjgj", "swj", "mzj",
      "ghzrj", "jjq", "qyq", "jnq", "whq", "chq"};

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Value("${camunda.bpm.job-execution.max-wait:60000}") long maxWait;

  String label() {
    return "tuned";
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void measureTimerLateness() throws Exception {
    int appeals = Integer.getInteger("benchmark.appeals", 10_000);
    int noise = Integer.getInteger("benchmark.noise", appeals);
    StringBuilder report = new StringBuilder();
    line(report, "Timer lateness benchmark (%s configuration): %d appeals, %d competing async jobs, %d CPUs",
        label(), appeals, noise, Runtime.getRuntime().availableProcessors());

    deployNoiseProcess();
    Instant setupStart = Instant.now();
    createWaitingAppeals(appeals);
    for (int i = 0; i < noise; i++) {
      runtimeService.startProcessInstanceByKey("BenchmarkNoise");
    }
    line(report, "setup: %s", Duration.between(setupStart, Instant.now()));
    Thread.sleep(3000);

    // Reminders come before the deadline in real life: let them fire first, so they do not crowd the measurement.
    Instant lastReminder = instant("select max(reminder_at) from appeal_clock where kind = 'RESPONSE'");
    Instant firstDue = instant("select min(due_at) from appeal_clock where kind = 'RESPONSE'");
    if (lastReminder.isBefore(firstDue)) {
      ClockUtil.offset(Duration.between(Instant.now(), lastReminder).toMillis() + 1000);
      while (reminded() < appeals && System.currentTimeMillis() < setupStart.toEpochMilli() + 3_600_000) {
        Thread.sleep(250);
      }
    } else {
      line(report, "(reminders fall due together with the deadlines in this run)");
    }
    // Every response-overdue timer falls due at the same instant.
    Instant lastDue = instant("select max(due_at) from appeal_clock where kind = 'RESPONSE'");
    ClockUtil.offset(Duration.between(Instant.now(), lastDue).toMillis() + 1000);
    Instant due = ClockUtil.getCurrentTime().toInstant();
    managementService.activateJobDefinitionByProcessDefinitionKey("BenchmarkNoise", true);

    long deadline = System.currentTimeMillis() + Duration.ofMinutes(30).toMillis();
    while (marked() < appeals && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    List<Long> lateness = jdbc.sql("select overdue_at from appeal_clock where kind = 'RESPONSE' and overdue_at is "
            + "not null").query(java.time.OffsetDateTime.class).list().stream()
        .map(t -> Duration.between(due, t.toInstant()).toMillis()).sorted().toList();
    assertThat(lateness).as("every overdue timer fired").hasSize(appeals);
    long span = lateness.get(lateness.size() - 1);
    line(report, "overdue marks under load: p50 %d ms, p99 %d ms, max %d ms; %.0f timers/s (%d in %.1f s)",
        percentile(lateness, 0.50), percentile(lateness, 0.99), span, appeals / (span / 1000.0), appeals,
        span / 1000.0);

    // Then the competing jobs: when is all the work done?
    while (managementService.createJobQuery().executable().count() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    line(report, "all due work (marks, reminders' follow-ups, competing jobs) done after %.1f s",
        Duration.between(due, ClockUtil.getCurrentTime().toInstant()).toMillis() / 1000.0);

    // Idle: nothing to do, the job executor backs off fully, then one timer falls due.
    List<Long> idle = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Appeal a = scenario.submit();
      scenario.review(a, UNITS[i]);
      Thread.sleep(maxWait + 3000);
      Instant appealDue = scenario.reload(a).responseDueAt().toInstant();
      ClockUtil.offset(Duration.between(Instant.now(), appealDue).toMillis() + 1);
      Instant dueNow = ClockUtil.getCurrentTime().toInstant();
      while (scenario.reload(a).responseOverdue() == Boolean.FALSE && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      Instant marked = jdbc.sql("select overdue_at from appeal_clock where appeal_id = ? and kind = 'RESPONSE'")
          .param(a.id()).query(java.time.OffsetDateTime.class).single().toInstant();
      idle.add(Duration.between(dueNow, marked).toMillis());
    }
    Collections.sort(idle);
    line(report, "one timer on an idle engine (3 runs): %s ms", idle);
    Path out = Path.of("target", "benchmark", "timer-latency-" + label() + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println("\n" + report);
  }

  private void createWaitingAppeals(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger done = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String unit = UNITS[i % UNITS.length];
      futures.add(pool.submit(() -> {
        Appeal a = scenario.submit();
        scenario.review(a, unit);
        int n = done.incrementAndGet();
        if (n % 1000 == 0) {
          System.out.println("benchmark: " + n + " appeals waiting for acknowledgement");
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private Instant instant(String sql) {
    return jdbc.sql(sql).query(java.time.OffsetDateTime.class).single().toInstant();
  }

  private long reminded() {
    return jdbc.sql("select count(*) from appeal_clock where kind = 'RESPONSE' and reminded_at is not null")
        .query(Long.class).single();
  }

  private long marked() {
    return jdbc.sql("select count(*) from appeal_clock where kind = 'RESPONSE' and overdue_at is not null")
        .query(Long.class).single();
  }

  /** A process whose only step is an asynchronous service task: N of them are the other work of the engine. */
  private void deployNoiseProcess() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("BenchmarkNoise").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask().camundaAsyncBefore().camundaDelegateExpression("${benchmarkNoise}")
        .endEvent().done();
    repositoryService.createDeployment().addModelInstance("benchmark-noise.bpmn", model).deploy();
    managementService.suspendJobDefinitionByProcessDefinitionKey("BenchmarkNoise");
  }

  static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static void line(StringBuilder report, String format, Object... args) {
    report.append(String.format(format, args)).append('\n');
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class NoiseConfiguration {
    /** Two milliseconds of work, like a small service call. */
    @Bean
    JavaDelegate benchmarkNoise() {
      return execution -> Thread.sleep(2);
    }
  }
}
