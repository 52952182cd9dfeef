package org.wenzheng.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WebappSession;
import org.wenzheng.support.WenzhengTest;

/**
 * The least-privilege model of Camunda's REST API ({@code security/access-matrix.csv}), walked for every role at
 * both doors: {@code /engine-rest} with HTTP Basic and {@code /camunda/api/engine} after a webapp login. A refused
 * request answers 403 and changes nothing: the appeal's timer keeps its retries, due date and state, the process its
 * variables and state, the task its candidate groups, the history-cleanup job its schedule.
 */
@WenzhengTest
class AccessMatrixTest {

  /** Role to demo user. */
  private static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("admin", "admin");
    USERS.put("dispatcher", "dispatcher");
    USERS.put("handler", "cgw1");
    USERS.put("leader", "cgwlead");
    USERS.put("supervisor", "supervisor");
    USERS.put("auditor", "auditor");
    USERS.put("owner", "processowner");
    USERS.put("intake", "intake");
  }

  record Row(String method, String path, String body, Set<String> allowed, boolean probe) {
  }

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void shouldAllowEveryRoleOnlyWhatTheModelAllowsAtBothDoorsAndChangeNothingOnRefusal() throws Exception {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    String task = scenario.task(appeal).getId();
    String instance = appeal.processInstanceId();
    Job timer = managementService.createJobQuery().processInstanceId(instance).timers().list().get(0);
    Job cleanup = cleanupJob();
    String jobDefinition = timer.getJobDefinitionId();
    Map<String, String> values = Map.of("{timer}", timer.getId(), "{cleanup}", cleanup.getId(), "{jobdef}",
        jobDefinition, "{task}", task, "{instance}", instance);
    State before = state(instance, task, timer.getId(), cleanup.getId(), jobDefinition);

    Api api = new Api(port);
    Map<String, WebappSession> sessions = new LinkedHashMap<>();
    for (Map.Entry<String, String> role : USERS.entrySet()) {
      WebappSession session = WebappSession.open(port);
      int login = session.login(role.getValue(), "demo", "welcome");
      if (role.getKey().equals("intake")) {
        // Channel accounts have no business in the webapps: the login itself is refused.
        assertThat(login).as("webapp login of intake").isEqualTo(403);
      } else {
        assertThat(login).as("webapp login of " + role.getValue()).isEqualTo(200);
        sessions.put(role.getKey(), session);
      }
    }

    SoftAssertions softly = new SoftAssertions();
    int refusals = 0;
    for (Row row : rows()) {
      String path = row.path();
      String body = row.body();
      for (Map.Entry<String, String> v : values.entrySet()) {
        path = path.replace(v.getKey(), v.getValue());
        body = body == null ? null : body.replace(v.getKey(), v.getValue());
      }
      for (Map.Entry<String, String> role : USERS.entrySet()) {
        boolean allowed = row.allowed().contains(role.getKey());
        if (allowed && !row.probe()) {
          continue;
        }
        Api.Response basic = api.send(row.method(), "/engine-rest" + path, role.getValue(), body);
        check(softly, "/engine-rest", row, role.getValue(), allowed, basic);
        WebappSession session = sessions.get(role.getKey());
        if (session != null) {
          Api.Response webapp = session.send(row.method(), "/camunda/api/engine/engine/default" + path, body,
              null);
          check(softly, "webapp", row, role.getValue(), allowed, webapp);
        }
        refusals += allowed ? 0 : session == null ? 1 : 2;
      }
    }
    softly.assertAll();
    assertThat(refusals).as("refusals tried, both doors").isGreaterThan(500);
    assertThat(state(instance, task, timer.getId(), cleanup.getId(), jobDefinition)).isEqualTo(before);
  }

  /** Our API, the staff pages and the demo inbox: HTTP Basic is their only door. */
  @Test
  void shouldAllowEveryRoleOnlyWhatTheModelAllowsOnOurApiAndStaffPages() throws Exception {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    Map<String, String> values = Map.of("{appeal}", String.valueOf(appeal.id()), "{tn}", appeal.trackingNumber());
    var statusBefore = scenario.reload(appeal).status();
    Api api = new Api(port);
    SoftAssertions softly = new SoftAssertions();
    List<Row> rows = rows("security/api-matrix.csv");
    assertThat(rows).hasSizeGreaterThan(15);
    for (Row row : rows) {
      String path = row.path();
      for (Map.Entry<String, String> v : values.entrySet()) {
        path = path.replace(v.getKey(), v.getValue());
      }
      for (Map.Entry<String, String> role : USERS.entrySet()) {
        boolean allowed = row.allowed().contains(role.getKey());
        if (allowed && !row.probe()) {
          continue;
        }
        Api.Response r = api.send(row.method(), path, role.getValue(), row.body());
        String what = row.method() + " " + path + " as " + role.getValue() + " -> " + r.status();
        if (allowed) {
          softly.assertThat(r.status()).as(what + " " + r.body()).isNotIn(401, 403).isLessThan(500);
        } else {
          softly.assertThat(r.status()).as(what).isEqualTo(403);
        }
      }
    }
    softly.assertAll();
    // Nothing a refusal could have changed: no calendar year loaded, no Open311 client issued, no responsibilities
    // changed, the appeal where it was.
    assertThat(api.get("/api/calendar/years/2031", "admin").json().get("loaded").asBoolean()).isFalse();
    assertThat(api.get("/api/open311/clients", "admin").body()).doesNotContain("mole");
    assertThat(api.get("/api/units/swj/responsibilities", "admin").json().path("text").asText()).doesNotContain("mole");
    assertThat(api.get("/api/units/swj/responsibilities", "admin").json().path("aliases").toString())
        .doesNotContain("mole");
    assertThat(scenario.reload(appeal).status()).isEqualTo(statusBefore);
    assertThat(scenario.events(appeal)).doesNotContain("RATED", "QUESTION_ASKED", "CONCLUDED");
  }

  private static void check(SoftAssertions softly, String door, Row row, String user, boolean allowed,
      Api.Response r) {
    String what = door + " " + row.method() + " " + row.path() + " as " + user + " -> " + r.status() + " " + r.body();
    if (allowed) {
      softly.assertThat(r.status()).as(what).isNotIn(401, 403).isLessThan(500);
    } else {
      softly.assertThat(r.status()).as(what).isEqualTo(403);
      // Refused by the door's rule (problem+json), not by something else that happens to answer 403.
      softly.assertThat(r.contentType()).as(what).startsWith("application/problem+json");
    }
  }

  /** What a refused request must not have changed. */
  record State(Integer timerRetries, boolean timerSuspended, Date timerDue, Integer cleanupRetries,
      boolean cleanupSuspended, Date cleanupDue, boolean definitionSuspended, boolean instanceSuspended,
      Map<String, String> variables, List<String> candidates, String assignee, long tasks) {
  }

  private State state(String instance, String task, String timerId, String cleanupId, String jobDefinition) {
    identityService.clearAuthentication();
    Job timer = managementService.createJobQuery().jobId(timerId).singleResult();
    Job cleanup = managementService.createJobQuery().jobId(cleanupId).singleResult();
    List<String> candidates = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task)) {
      candidates.add(link.getType() + ":" + link.getGroupId() + ":" + link.getUserId());
    }
    candidates.sort(String::compareTo);
    return new State(timer.getRetries(), timer.isSuspended(), timer.getDuedate(), cleanup.getRetries(),
        cleanup.isSuspended(), cleanup.getDuedate(),
        managementService.createJobDefinitionQuery().jobDefinitionId(jobDefinition).singleResult().isSuspended(),
        runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().isSuspended(),
        variables(instance), candidates, taskService.createTaskQuery().taskId(task).singleResult().getAssignee(),
        taskService.createTaskQuery().count());
  }

  /** Each variable's type and value as stored (objects serialized, so that they compare by content). */
  private Map<String, String> variables(String instance) {
    Map<String, String> out = new TreeMap<>();
    var typedValues = runtimeService.getVariablesTyped(instance, false);
    typedValues.keySet().forEach(name -> {
      TypedValue typed = typedValues.getValueTyped(name);
      out.put(name, typed.getType().getName() + ":" + (typed instanceof SerializableValue s
          ? s.getValueSerialized() : String.valueOf(typed.getValue())));
    });
    return out;
  }

  private Job cleanupJob() {
    List<Job> jobs = historyService.findHistoryCleanupJobs();
    if (jobs.isEmpty()) {
      historyService.cleanUpHistoryAsync();
      jobs = historyService.findHistoryCleanupJobs();
    }
    return jobs.get(0);
  }

  private static List<Row> rows() throws Exception {
    List<Row> rows = rows("security/access-matrix.csv");
    assertThat(rows).hasSizeGreaterThan(40);
    return rows;
  }

  private static List<Row> rows(String resource) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\\|", -1);
        rows.add(new Row(f[0], f[1], f[2].isEmpty() ? null : f[2], Set.of(f[3].trim().split("\\s+")),
            f[4].trim().equals("yes")));
      }
    }
    return rows;
  }
}
