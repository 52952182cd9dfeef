package org.wenzheng.modelling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.web.NotFoundException;

/**
 * Moves the running instances of a process (an appeal, a supervision, an extension request, an accountability case)
 * from one deployed version to another with Camunda's migration API, when a process owner says so. The dry run maps
 * equal activities, then tries the migration of one instance of each kind of waiting state (the set of activities
 * it waits in) in a transaction that is rolled back, and says for each kind how many instances wait there and what,
 * if anything, stands in the way. The migration itself is a batch of the instances whose kind passed, with its
 * progress, and journalled. Tasks, their due dates, timers and variables move with the instance; the appeal's clocks
 * ({@code appeal_clock}) belong to the appeal, not to the version, and are not touched.
 */
@Component
class ProcessMigrations {

  /** What a process owner asks for. */
  record Request(String processDefinitionKey, Integer fromVersion, Integer toVersion, Boolean updateEventTriggers) {
  }

  /** Instances waiting in the same activities: migrated alike. */
  record Group(List<String> activities, long instances, boolean migratable, List<String> problems) {
  }

  record Plan(String processDefinitionKey, int fromVersion, int toVersion, long instances, long migratable,
      List<String> planProblems, List<Group> groups) {
  }

  record Started(String batchId, long instances, long skipped, Plan plan) {
  }

  record Progress(String batchId, long instances, long migrated, long failed, long remaining, boolean finished) {
  }

  private static final int PAGE = 1000;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final TransactionTemplate transactions;
  private final ProcessChanges changes;

  ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
      HistoryService history, TransactionTemplate transactions, ProcessChanges changes) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.transactions = transactions;
    this.changes = changes;
  }

  Plan dryRun(Request request) {
    return prepare(request).plan();
  }

  Started start(Request request, String user) {
    Prepared p = prepare(request);
    if (p.migratable().isEmpty()) {
      throw new InvalidFieldException("fromVersion", "没有可以迁移的实例：" + (p.plan().instances() == 0
          ? "第 " + request.fromVersion() + " 版没有运行中的实例" : "预检全部不通过，见 dry-run"));
    }
    // The batch and its journal row commit together: no migration without its record.
    return transactions.execute(status -> started(request, user, p));
  }

  private Started started(Request request, String user, Prepared p) {
    Batch batch = runtime.newMigration(p.migrationPlan()).processInstanceIds(p.migratable()).executeAsync();
    long skipped = p.plan().instances() - p.migratable().size();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("processDefinitionKey", request.processDefinitionKey());
    detail.put("sourceVersion", request.fromVersion());
    detail.put("targetVersion", request.toVersion());
    detail.put("instances", p.migratable().size());
    detail.put("skipped", skipped);
    detail.put("batchId", batch.getId());
    detail.put("groups", p.plan().groups());
    changes.record("MIGRATION", user, null, request.processDefinitionKey() + " v" + request.fromVersion() + " → v"
        + request.toVersion(), null, List.of(), List.of(detail));
    return new Started(batch.getId(), p.migratable().size(), skipped, p.plan());
  }

  Progress progress(String batchId) {
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null && Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())) {
      long per = Math.max(1, running.getInvocationsPerBatchJob());
      long total = running.getTotalJobs() * per;
      return new Progress(batchId, total, running.getCompletedJobs() * per, running.getFailedJobs() * per,
          running.getRemainingJobs() * per, false);
    }
    HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(done.getType())) {
      throw new NotFoundException("没有这个迁移批处理");
    }
    long total = (long) done.getTotalJobs() * Math.max(1, done.getInvocationsPerBatchJob());
    return new Progress(batchId, total, total, 0, 0, done.getEndTime() != null);
  }

  private record Prepared(Plan plan, MigrationPlan migrationPlan, List<String> migratable) {
  }

  private Prepared prepare(Request request) {
    if (request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
      throw new InvalidFieldException("processDefinitionKey", "必填：要迁移的流程，如 Appeal");
    }
    ProcessDefinition source = version(request.processDefinitionKey(), request.fromVersion(), "fromVersion");
    ProcessDefinition target = version(request.processDefinitionKey(), request.toVersion(), "toVersion");
    if (source.getId().equals(target.getId())) {
      throw new InvalidFieldException("toVersion", "与 fromVersion 相同");
    }
    Map<String, TreeSet<String>> shapes = new LinkedHashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<Execution> page = runtime.createExecutionQuery().processDefinitionId(source.getId())
          .orderByProcessInstanceId().asc().listPage(first, PAGE);
      for (Execution e : page) {
        TreeSet<String> shape = shapes.computeIfAbsent(e.getProcessInstanceId(), k -> new TreeSet<>());
        String activity = ((ExecutionEntity) e).getActivityId();
        if (activity != null) {
          shape.add(activity);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    Map<List<String>, List<String>> byShape = new LinkedHashMap<>();
    shapes.forEach((instance, shape) -> byShape.computeIfAbsent(List.copyOf(shape), k -> new ArrayList<>())
        .add(instance));
    List<String> planProblems = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      var builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
      if (Boolean.TRUE.equals(request.updateEventTriggers())) {
        builder.updateEventTriggers();
      }
      plan = builder.build();
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
        r.getFailures().forEach(f -> planProblems.add(r.getMigrationInstruction().getSourceActivityId() + "：" + f));
      }
      if (planProblems.isEmpty()) {
        planProblems.add(e.getMessage());
      }
    }
    List<Group> groups = new ArrayList<>();
    List<String> migratable = new ArrayList<>();
    long instances = 0;
    for (var shape : byShape.entrySet()) {
      List<String> members = shape.getValue();
      instances += members.size();
      List<String> problems = plan == null ? List.of("迁移计划无效") : tryOn(plan, members.get(0));
      if (problems.isEmpty()) {
        migratable.addAll(members);
      }
      groups.add(new Group(shape.getKey(), members.size(), problems.isEmpty(), problems));
    }
    return new Prepared(new Plan(request.processDefinitionKey(), source.getVersion(), target.getVersion(), instances,
        migratable.size(), planProblems, groups), plan, migratable);
  }

  /** Migrates one instance in a transaction that is then rolled back: what would stand in the way, if anything. */
  private List<String> tryOn(MigrationPlan plan, String instanceId) {
    List<String> problems = new ArrayList<>();
    try {
      transactions.executeWithoutResult(status -> {
        status.setRollbackOnly();
        runtime.newMigration(plan).processInstanceIds(instanceId).execute();
      });
    } catch (MigratingProcessInstanceValidationException e) {
      MigratingProcessInstanceValidationReport report = e.getValidationReport();
      problems.addAll(report.getFailures());
      report.getActivityInstanceReports().forEach(r -> r.getFailures()
          .forEach(f -> problems.add(r.getSourceScopeId() + "：" + f)));
      report.getTransitionInstanceReports().forEach(r -> r.getFailures()
          .forEach(f -> problems.add(r.getSourceScopeId() + "：" + f)));
    }
    return problems;
  }

  private ProcessDefinition version(String key, Integer version, String field) {
    if (version == null) {
      throw new InvalidFieldException(field, "必填：版本号");
    }
    ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (d == null) {
      throw new InvalidFieldException(field, "流程 " + key + " 没有第 " + version + " 版");
    }
    return d;
  }
}
