package org.wenzheng.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The rewritten authorization checks answer exactly what Camunda's own answer: every task list, count, saved filter
 * and variable query, for every kind of user, is run once with our statements and once with the engine's, and the
 * two results must be the same rows.
 */
@WenzhengTest
class AuthorizationQueriesTest {

  /** Camunda refuses unbounded lists for users (query-max-results-limit). */
  private static final int MAX = 2000;

  /** The users of the demo with the groups they log in with. */
  static final Map<String, List<String>> USERS = new LinkedHashMap<>();

  static {
    USERS.put("dispatcher", List.of("dispatch"));
    USERS.put("cgw1", List.of("cgw"));
    USERS.put("cgwlead", List.of("cgw", "cgwleaders", "leaders"));
    USERS.put("gaj1", List.of("gaj"));
    USERS.put("supervisor", List.of("supervision"));
    USERS.put("auditor", List.of("audit"));
    USERS.put("intake", List.of("intake"));
  }

  @Autowired Scenario scenario;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @Test
  void shouldListForEveryUserExactlyWhatCamundaItselfLists() {
    Appeal waiting = scenario.submit();
    Appeal cgw = scenario.submit();
    scenario.review(cgw, "cgw");
    Appeal gaj = scenario.submit();
    scenario.review(gaj, "gaj");
    scenario.acknowledge(gaj, "gaj");
    String claimed = scenario.task(cgw).getId();
    scenario.as("cgw1", List.of("cgw"), () -> {
      taskService.claim(claimed, "cgw1");
      return null;
    });

    Map<String, Supplier<List<String>>> queries = new LinkedHashMap<>();
    queries.put("all tasks", () -> ids(taskService.createTaskQuery().orderByTaskCreateTime().desc().listPage(0, MAX)));
    queries.put("task count", () -> List.of(String.valueOf(taskService.createTaskQuery().count())));
    queries.put("a page", () -> taskService.createTaskQuery().orderByTaskId().asc().listPage(1, 2).stream()
        .map(Task::getId).toList());
    for (String group : List.of("dispatch", "cgw", "gaj", "supervision")) {
      queries.put("candidate group " + group, () -> ids(taskService.createTaskQuery().taskCandidateGroup(group)
          .includeAssignedTasks().listPage(0, MAX)));
    }
    for (Appeal a : List.of(waiting, cgw, gaj)) {
      queries.put("business key " + a.trackingNumber(), () -> ids(taskService.createTaskQuery()
          .processInstanceBusinessKey(a.trackingNumber()).listPage(0, MAX)));
      queries.put("variables of " + a.trackingNumber(), () -> runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(scenario.reload(a).processInstanceId()).listPage(0, MAX).stream()
          .map(VariableInstance::getId).sorted().toList());
    }
    for (Filter filter : filterService.createTaskFilterQuery().listPage(0, MAX)) {
      queries.put("filter " + filter.getName(), () -> ids(filterService.listPage(filter.getId(), 0, MAX)));
      queries.put("filter count " + filter.getName(), () -> List.of(String.valueOf(filterService.count(
          filter.getId()))));
    }

    // Ours are in use, so the comparison below compares two different statements.
    assertThat(engine.getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria"))
        .startsWith(AuthorizationQueries.NAMESPACE);
    Map<String, List<String>> ours = run(queries);
    Map<String, List<String>> camunda = withEngineStatements(() -> run(queries));
    assertThat(ours).isEqualTo(camunda);
    // And the answers are the ones a unit must get: its own work, never another unit's.
    assertThat(ours.get("cgw1: candidate group cgw")).contains(claimed);
    assertThat(ours.get("gaj1: all tasks")).doesNotContain(claimed);
    assertThat(ours.get("cgw1: business key " + gaj.trackingNumber())).isEmpty();
    assertThat(ours.get("dispatcher: business key " + waiting.trackingNumber())).hasSize(1);
  }

  private Map<String, List<String>> run(Map<String, Supplier<List<String>>> queries) {
    Map<String, List<String>> results = new LinkedHashMap<>();
    USERS.forEach((user, groups) -> queries.forEach((name, query) ->
        results.put(user + ": " + name, scenario.as(user, groups, query))));
    return results;
  }

  /** Runs the work with the engine's own statements for everything {@link AuthorizationQueries} replaces. */
  private <T> T withEngineStatements(Supplier<T> work) {
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> theirs = new HashMap<>(ours);
    AuthorizationQueries.replacements().keySet().forEach(theirs::remove);
    sessions.setStatementMappings(theirs);
    try {
      return work.get();
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).sorted().toList();
  }
}
