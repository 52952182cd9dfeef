package org.wenzheng.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline: a bare Camunda 7.24 engine as it comes (history FULL, its own defaults), in its own database on the
 * same PostgreSQL server, with one process of one user task (candidate group from a variable) and a timer on it.
 * Nothing of ours runs in it.
 */
final class BareEngine implements AutoCloseable {

  static final String PROCESS = "BareAppeal";
  /** The plain path's shape: four user tasks (a timer on the second) and a message, as review, acknowledge, handle,
   * reply review and the citizen's rating. */
  static final String LIFECYCLE = "BareLifecycle";
  static final String RATED = "BareRated";

  final ProcessEngine engine;

  private BareEngine(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A bare engine on database {@code database} of the PostgreSQL server at {@code port} (created by the caller). */
  static BareEngine start(int port, String database, boolean authorization) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + database);
    configuration.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/" + database);
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("postgres");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcMaxActiveConnections(20);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(authorization);
    configuration.setHistoryTimeToLive("P1825D");
    ProcessEngine engine = configuration.buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1825)
        .startEvent()
        .userTask("Task_Review").name("审核诉求").camundaCandidateGroups("${group}")
        .boundaryEvent("Timer_Overdue").cancelActivity(false).timerWithDuration("PT8H").endEvent()
        .moveToActivity("Task_Review").endEvent()
        .done();
    BpmnModelInstance lifecycle = Bpmn.createExecutableProcess(LIFECYCLE).camundaHistoryTimeToLive(1825)
        .startEvent()
        .userTask("Task_Review").camundaCandidateGroups("${group}")
        .userTask("Task_Acknowledge").camundaCandidateGroups("${group}")
        .boundaryEvent("Timer_Response").cancelActivity(false).timerWithDuration("PT8H").endEvent()
        .moveToActivity("Task_Acknowledge")
        .userTask("Task_Handle").camundaCandidateGroups("${group}")
        .userTask("Task_ReplyReview").camundaCandidateGroups("${group}")
        .intermediateCatchEvent("Event_Rated").message(RATED)
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("bare-appeal.bpmn", model)
        .addModelInstance("bare-lifecycle.bpmn", lifecycle).name("bare").enableDuplicateFiltering(true).deploy();
    return new BareEngine(engine);
  }

  /** Starts one instance, as a channel adapter would start ours: a business key and a few facts. */
  void start(String businessKey, String group) {
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS, businessKey, Map.of("group", group,
        "title", "路灯不亮", "channel", "WEB"));
  }

  /**
   * The queue's baseline: waiting tasks up to {@code tasks} for the given groups, created with authorization on, so
   * that every candidate group receives its grant per task exactly as in the application; the groups may read the
   * process definition, as our units may read {@code Appeal}.
   */
  void fillQueue(int tasks, List<String> groupPerTask, int threads) throws Exception {
    for (String group : groupPerTask.stream().distinct().toList()) {
      if (engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.PROCESS_DEFINITION).resourceId(PROCESS).count() == 0) {
        Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.PROCESS_DEFINITION);
        read.setResourceId(PROCESS);
        read.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(read);
      }
    }
    long existing = engine.getTaskService().createTaskQuery().count();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger((int) existing);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        // No authenticated user: the engine creates the per-task grants all the same and checks nothing.
        for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
          start("BARE-" + i, groupPerTask.get(i % groupPerTask.size()));
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  @Override
  public void close() {
    engine.close();
  }
}
