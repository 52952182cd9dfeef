package org.wenzheng.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The task queues answer exactly what Camunda's own task query answers: every saved filter, candidate-group list,
 * order, page, due-date window and count, for every kind of user, is run once from the queues and once with the
 * engine's task manager, after the changes a queue must follow (claims, a moved due date, a candidate group added and
 * removed, completions).
 */
@WenzhengTest
class TaskQueuesTest {

  private static final int MAX = 2000;

  /** What Tasklist sends with a filter's list: its default order, newest first, and only active tasks. */
  private static final String TASKLIST_LIST = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
      + "\"active\":true}";

  /** The demo users of {@link AuthorizationQueriesTest} who may read tasks (intake may not, at the REST door). */
  private static final Map<String, List<String>> USERS = new LinkedHashMap<>(AuthorizationQueriesTest.USERS);

  static {
    USERS.remove("intake");
  }

  @Autowired Scenario scenario;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired TaskQueues queues;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void shouldAnswerEveryQueueQueryExactlyAsCamundaDoes() {
    Appeal waiting = scenario.submit();
    scenario.submit();
    Appeal cgw = scenario.submit();
    scenario.review(cgw, "cgw");
    Appeal gaj = scenario.submit();
    scenario.review(gaj, "gaj");
    scenario.acknowledge(gaj, "gaj");
    Appeal cgwDone = scenario.submit();
    scenario.review(cgwDone, "cgw");
    scenario.acknowledge(cgwDone, "cgw");
    Map<String, Function<String, List<String>>> queries = queries();

    compare(queries);

    // The changes a queue follows: a claim, a moved due date, a second candidate group, a completion.
    String claimed = scenario.task(cgw).getId();
    scenario.as("cgw1", List.of("cgw"), () -> {
      taskService.claim(claimed, "cgw1");
      return null;
    });
    Task review = scenario.task(waiting);
    review.setDueDate(Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
    taskService.saveTask(review);
    taskService.addCandidateGroup(review.getId(), "cgw");
    scenario.reply(cgwDone, "cgw", "RESOLVED", "已清理完毕，路面恢复通行。");
    String suspended = scenario.task(gaj).getId();
    runtimeService.suspendProcessInstanceById(scenario.reload(gaj).processInstanceId());
    Map<String, List<String>> after;
    try {
      after = compare(queries);
    } finally {
      runtimeService.activateProcessInstanceById(scenario.reload(gaj).processInstanceId());
    }
    assertThat(after.get("gaj1: candidate group gaj, suspended")).containsExactly(suspended);

    assertThat(after.get("cgw1: candidate group cgw, unassigned")).doesNotContain(claimed);
    assertThat(after.get("cgw1: candidate group cgw, assigned too")).contains(claimed, review.getId());
    assertThat(after.get("gaj1: candidate group cgw, assigned too")).isEmpty();
    assertThat(after.get("dispatcher: filter 已超期")).contains(review.getId());

    // Tasklist's lists and counts are answered from the queue: a task hidden there is hidden in Tasklist.
    String dispatchQueue = filterService.createTaskFilterQuery().filterName("本部门待办").singleResult().getId();
    Function<String, String> tasklist = user -> api().postHal("/engine-rest/filter/" + dispatchQueue
        + "/list?firstResult=0&maxResults=" + MAX, user, TASKLIST_LIST).body();
    assertThat(tasklist.apply("dispatcher")).contains(review.getId());
    jdbc.sql("update wz_task_queue set group_id_ = 'hidden' where id_ = ? and group_id_ = 'dispatch'")
        .param(review.getId()).update();
    try {
      assertThat(tasklist.apply("dispatcher")).doesNotContain(review.getId());
    } finally {
      jdbc.sql("update wz_task_queue set group_id_ = 'dispatch' where id_ = ? and group_id_ = 'hidden'")
          .param(review.getId()).update();
    }

    taskService.deleteCandidateGroup(review.getId(), "cgw");
    Map<String, List<String>> removed = compare(queries);
    assertThat(removed.get("cgw1: candidate group cgw, assigned too")).doesNotContain(review.getId());
    assertThat(jdbc.sql("select count(*) from wz_task_queue").query(Long.class).single())
        .isEqualTo(jdbc.sql("select count(distinct (task_id_, group_id_)) from act_ru_identitylink "
            + "where type_ = 'candidate' and group_id_ is not null").query(Long.class).single());
  }

  @Test
  void shouldAnswerOnlyTheQueriesOfAQueue() {
    assertThat(queues.answers(query(q -> q.taskCandidateGroup("dispatch").orderByDueDate().asc()))).isTrue();
    assertThat(queues.answers(query(q -> q.taskCandidateGroupIn(List.of("cgw", "leaders")).includeAssignedTasks()
        .dueBefore(new Date()).active().orderByTaskCreateTime().desc()))).isTrue();
    assertThat(queues.answers(query(q -> q.taskCandidateGroup("dispatch").taskName("审核诉求")))).isFalse();
    assertThat(queues.answers(query(q -> q.taskCandidateGroup("dispatch").orderByTaskName().asc()))).isFalse();
    assertThat(queues.answers(query(q -> q.taskAssignee("cgw1")))).isFalse();
    assertThat(queues.answers(query(q -> q.taskCandidateGroup("dispatch").processVariableValueEquals("a", 1))))
        .isFalse();
    assertThat(queues.answers(query(q -> q.taskCandidateGroup("dispatch").or().taskAssignee("x").endOr())))
        .isFalse();
  }

  private static TaskQueryImpl query(Consumer<TaskQuery> criteria) {
    TaskQueryImpl query = new TaskQueryImpl();
    criteria.accept(query);
    return query;
  }

  private Map<String, Function<String, List<String>>> queries() {
    Map<String, Function<String, List<String>>> queries = new LinkedHashMap<>();
    for (String group : List.of("dispatch", "cgw", "gaj", "supervision")) {
      queries.put("candidate group " + group + ", unassigned", user -> ids(taskService.createTaskQuery()
          .taskCandidateGroup(group).orderByTaskId().asc().listPage(0, MAX)));
      queries.put("candidate group " + group + ", assigned too", user -> ids(taskService.createTaskQuery()
          .taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().asc().orderByTaskId().asc()
          .listPage(0, MAX)));
      queries.put("candidate group " + group + ", newest first", user -> ids(taskService.createTaskQuery()
          .taskCandidateGroup(group).includeAssignedTasks().orderByTaskCreateTime().desc().orderByTaskId().desc()
          .listPage(0, MAX)));
      queries.put("candidate group " + group + ", latest due first, second page", user -> ids(taskService
          .createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().desc()
          .orderByTaskId().asc().listPage(1, 2)));
      queries.put("candidate group " + group + ", active, newest first (as Tasklist)", user -> ids(taskService
          .createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active().orderByTaskCreateTime().desc()
          .orderByTaskId().asc().listPage(0, 15)));
      queries.put("candidate group " + group + ", suspended", user -> ids(taskService.createTaskQuery()
          .taskCandidateGroup(group).includeAssignedTasks().suspended().orderByTaskId().asc().listPage(0, MAX)));
      queries.put("candidate group " + group + ", count", user -> List.of(String.valueOf(taskService
          .createTaskQuery().taskCandidateGroup(group).count())));
      queries.put("candidate group " + group + ", overdue count", user -> List.of(String.valueOf(taskService
          .createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().dueBefore(new Date()).count())));
    }
    queries.put("candidate groups dispatch, cgw", user -> ids(taskService.createTaskQuery()
        .taskCandidateGroupIn(List.of("dispatch", "cgw")).includeAssignedTasks().orderByTaskId().asc()
        .listPage(0, MAX)));
    queries.put("candidate groups dispatch, cgw, count", user -> List.of(String.valueOf(taskService
        .createTaskQuery().taskCandidateGroupIn(List.of("dispatch", "cgw")).includeAssignedTasks().count())));
    queries.put("due within a week", user -> ids(taskService.createTaskQuery().taskCandidateGroupIn(
        List.of("dispatch", "cgw", "gaj")).includeAssignedTasks().dueAfter(Date.from(Instant.now().minus(1,
        ChronoUnit.DAYS))).dueBefore(Date.from(Instant.now().plus(7, ChronoUnit.DAYS))).orderByTaskId().asc()
        .listPage(0, MAX)));
    for (Filter filter : filterService.createTaskFilterQuery().listPage(0, MAX)) {
      // Saved filters order by due date and creation time only: compare the order of those, and the tasks.
      queries.put("filter " + filter.getName(), user -> ids(filterService.listPage(filter.getId(), 0, MAX)).stream()
          .sorted().toList());
      queries.put("filter order " + filter.getName(), user -> filterService.<Task>listPage(filter.getId(), 0, MAX)
          .stream().map(t -> t.getDueDate() + " " + t.getCreateTime()).toList());
      queries.put("filter count " + filter.getName(), user -> List.of(String.valueOf(filterService.count(
          filter.getId()))));
      // As Tasklist asks through the REST API: its own order and "active" added to the filter's query.
      queries.put("REST filter " + filter.getName(), user -> ids(api().post("/engine-rest/filter/" + filter.getId()
          + "/list?firstResult=0&maxResults=15", user, TASKLIST_LIST)));
      queries.put("Tasklist filter " + filter.getName(), user -> {
        Api.Response hal = api().postHal("/engine-rest/filter/" + filter.getId()
            + "/list?firstResult=0&maxResults=15", user, TASKLIST_LIST);
        List<String> ids = new ArrayList<>(ids(hal, hal.json().path("_embedded").path("task")));
        ids.add("count " + hal.json().path("count").asText());
        return ids;
      });
      queries.put("REST filter count " + filter.getName(), user -> List.of(api().get("/engine-rest/filter/"
          + filter.getId() + "/count", user).body()));
    }
    return queries;
  }

  /** Runs every query for every user from the queues and with the engine's task manager; both must agree. */
  private Map<String, List<String>> compare(Map<String, Function<String, List<String>>> queries) {
    Map<String, List<String>> ours = run(queries);
    Map<Class<?>, SessionFactory> sessions = engine.getSessionFactories();
    SessionFactory queueing = sessions.get(TaskManager.class);
    assertThat(queueing).isInstanceOf(TaskQueues.Managers.class);
    sessions.put(TaskManager.class, new GenericManagerFactory(TaskManager.class));
    Map<String, List<String>> camunda;
    try {
      camunda = run(queries);
    } finally {
      sessions.put(TaskManager.class, queueing);
    }
    assertThat(ours).isEqualTo(camunda);
    return ours;
  }

  private Map<String, List<String>> run(Map<String, Function<String, List<String>>> queries) {
    Map<String, List<String>> results = new LinkedHashMap<>();
    USERS.forEach((user, groups) -> queries.forEach((name, query) ->
        results.put(user + ": " + name, scenario.as(user, groups, () -> query.apply(user)))));
    return results;
  }

  private Api api() {
    return new Api(port);
  }

  /** The ids of a task list answered by the REST API, in its order. */
  private static List<String> ids(Api.Response response) {
    return ids(response, response.json());
  }

  /** The ids of the tasks in a successful answer, in its order. */
  private static List<String> ids(Api.Response response, JsonNode tasks) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
