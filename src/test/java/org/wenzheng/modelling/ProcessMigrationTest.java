package org.wenzheng.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * A process owner adds a step to the Appeal process and moves the running appeals onto the new version: a dry run,
 * a batch with its progress, journalled; the appeals keep their tasks, due dates, timers and clocks, and finish on the
 * new version through the new step.
 */
@WenzhengTest
class ProcessMigrationTest {

  /** The added step: the dispatch centre confirms before an appeal is concluded. */
  private static final String NEW_STEP = "Task_ConfirmConclusion";

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  private final List<String> deployed = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void fiftyRunningAppealsMoveToAVersionWithAnAddedStepAndFinishOnItWithTheirClocks() throws IOException {
    Api api = new Api(port);
    String appeal = Files.readString(Path.of("processes/appeal.bpmn"));
    // Version 1: the shipped model, deployed afresh so that only this test's appeals run on it.
    int v1 = deploy(api, "诉求办理（迁移测试）", appeal);
    List<Appeal> appeals = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Appeal a = scenario.submit();
      int stage = i % 5;
      if (stage >= 1) {
        scenario.review(a, "cgw");
      }
      if (stage >= 2) {
        scenario.acknowledge(a, "cgw");
      }
      if (stage >= 3) {
        scenario.submitReply(a, "cgw", "RESOLVED", "路灯已修复。");
      }
      if (stage >= 4) {
        scenario.approveReply(a);
      }
      appeals.add(a);
    }
    assertThat(appeals).allMatch(a -> version(a) == v1);
    Map<Long, String> clocksBefore = clocks(appeals);
    Map<Long, String> tasksBefore = taskDueDates(appeals);
    Map<Long, String> timersBefore = timers(appeals);

    int v2 = deploy(api, "诉求办理（迁移测试）", withConfirmationStep(appeal));
    String request = Api.json(Map.of("processDefinitionKey", "Appeal", "fromVersion", v1, "toVersion", v2));

    Api.Response dry = api.post("/api/process-migrations/dry-run", "processowner", request);
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertThat(dry.json().path("instances").asLong()).isEqualTo(50);
    assertThat(dry.json().path("migratable").asLong()).isEqualTo(50);
    assertThat(dry.json().path("groups").size()).as(dry.body()).isGreaterThanOrEqualTo(5);
    assertThat(appeals).as("a dry run moves nothing").allMatch(a -> version(a) == v1);
    assertThat(api.post("/api/process-migrations", "cgw1", request).status()).isEqualTo(403);
    assertThat(api.post("/api/process-migrations", "processowner",
        Api.json(Map.of("processDefinitionKey", "Appeal", "fromVersion", v1, "toVersion", 9999))).json()
        .toString()).contains("toVersion");

    Api.Response started = api.post("/api/process-migrations", "processowner", request);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String batchId = started.json().path("batchId").asText();
    JsonNode progress = api.get("/api/process-migrations/" + batchId, "processowner").json();
    assertThat(progress.path("instances").asLong()).isEqualTo(50);
    assertThat(progress.path("finished").asBoolean()).isFalse();
    runBatch(batchId);
    progress = api.get("/api/process-migrations/" + batchId, "processowner").json();
    assertThat(progress.path("finished").asBoolean()).as(progress.toString()).isTrue();
    assertThat(progress.path("migrated").asLong()).isEqualTo(50);

    assertThat(appeals).allMatch(a -> version(a) == v2);
    assertThat(clocks(appeals)).as("clocks").isEqualTo(clocksBefore);
    assertThat(taskDueDates(appeals)).as("tasks and their due dates").isEqualTo(tasksBefore);
    assertThat(timers(appeals)).as("timers and when they fire").isEqualTo(timersBefore);
    JsonNode change = api.get("/api/process-changes?limit=1", "auditor").json().path("changes").get(0);
    assertThat(change.path("kind").asText()).isEqualTo("MIGRATION");
    assertThat(change.path("changedBy").asText()).isEqualTo("processowner");
    assertThat(change.path("details").get(0).path("instances").asLong()).isEqualTo(50);

    // Back from version 2 to 1 is not possible for an appeal waiting in the step version 1 does not have: the dry
    // run says so, and for which appeals.
    toNewStep(appeals.get(0));
    JsonNode back = api.post("/api/process-migrations/dry-run", "processowner", Api.json(Map.of(
        "processDefinitionKey", "Appeal", "fromVersion", v2, "toVersion", v1))).json();
    assertThat(back.path("instances").asLong()).isEqualTo(50);
    assertThat(back.path("migratable").asLong()).as(back.toString()).isEqualTo(49);
    JsonNode stuck = null;
    for (JsonNode g : back.path("groups")) {
      if (g.path("activities").toString().contains(NEW_STEP)) {
        stuck = g;
      }
    }
    assertThat(stuck).as(back.toString()).isNotNull();
    assertThat(stuck.path("migratable").asBoolean()).isFalse();
    assertThat(stuck.path("instances").asLong()).isEqualTo(1);
    assertThat(stuck.path("problems").toString()).contains(NEW_STEP);
    assertThat(appeals).allMatch(a -> version(a) == v2);

    for (Appeal a : appeals) {
      finish(a);
    }
    for (Appeal a : appeals) {
      assertThat(scenario.instance(a)).as(a.trackingNumber()).isNull();
      assertThat(scenario.reload(a).status().name()).isEqualTo("ARCHIVED");
      assertThat(historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(scenario.reload(a).processInstanceId()).activityId(NEW_STEP).finished().count())
          .as("%s went through the new step", a.trackingNumber()).isEqualTo(1);
    }
  }

  /** Takes an appeal from wherever it waits to its end, through the new step. */
  private void finish(Appeal a) {
    toNewStep(a);
    scenario.complete("dispatcher", List.of("dispatch"), a, Map.of());
    scenario.runJobs(a);
  }

  /** Takes an appeal from wherever it waits to the new step (where it stays if it is there already). */
  private void toNewStep(Appeal a) {
    String step = scenario.task(a) == null ? "" : scenario.task(a).getTaskDefinitionKey();
    switch (step) {
      case AppealProcess.TASK_REVIEW -> {
        scenario.review(a, "cgw");
        scenario.acknowledge(a, "cgw");
        scenario.reply(a, "cgw", "RESOLVED", "路灯已修复。");
      }
      case AppealProcess.TASK_ACKNOWLEDGE -> {
        scenario.acknowledge(a, "cgw");
        scenario.reply(a, "cgw", "RESOLVED", "路灯已修复。");
      }
      case AppealProcess.TASK_HANDLE -> scenario.reply(a, "cgw", "RESOLVED", "路灯已修复。");
      case AppealProcess.TASK_REVIEW_REPLY -> scenario.approveReply(a);
      case NEW_STEP -> {
        return;
      }
      default -> { }
    }
    scenario.visit(a, "SATISFIED");
    assertThat(scenario.task(a).getTaskDefinitionKey()).isEqualTo(NEW_STEP);
  }

  /** Version 2: 确认办结 by the dispatch centre before 办结诉求, as a process owner would add it in Modeler. */
  static String withConfirmationStep(String appeal) {
    String v2 = appeal
        .replace("<bpmn:sequenceFlow id=\"SequenceFlow_RedoNeededNo\" name=\"否\" sourceRef=\"Gateway_RedoNeeded\" "
            + "targetRef=\"Task_ConcludeAppeal\" />",
            "<bpmn:sequenceFlow id=\"SequenceFlow_RedoNeededNo\" name=\"否\" sourceRef=\"Gateway_RedoNeeded\" "
            + "targetRef=\"" + NEW_STEP + "\" />"
            + "<bpmn:sequenceFlow id=\"SequenceFlow_ConclusionConfirmed\" sourceRef=\"" + NEW_STEP
            + "\" targetRef=\"Task_ConcludeAppeal\" />")
        .replace("<bpmn:serviceTask id=\"Task_ConcludeAppeal\" name=\"办结诉求\" "
            + "camunda:delegateExpression=\"${concludeAppealDelegate}\"><bpmn:incoming>SequenceFlow_RedoNeededNo"
            + "</bpmn:incoming>",
            "<bpmn:userTask id=\"" + NEW_STEP + "\" name=\"确认办结\" camunda:candidateGroups=\"dispatch\">"
            + "<bpmn:incoming>SequenceFlow_RedoNeededNo</bpmn:incoming>"
            + "<bpmn:outgoing>SequenceFlow_ConclusionConfirmed</bpmn:outgoing></bpmn:userTask>"
            + "<bpmn:serviceTask id=\"Task_ConcludeAppeal\" name=\"办结诉求\" "
            + "camunda:delegateExpression=\"${concludeAppealDelegate}\"><bpmn:incoming>SequenceFlow_ConclusionConfirmed"
            + "</bpmn:incoming>")
        .replace("<bpmndi:BPMNShape id=\"Task_ConcludeAppeal_di\"",
            "<bpmndi:BPMNShape id=\"" + NEW_STEP + "_di\" bpmnElement=\"" + NEW_STEP + "\"><dc:Bounds x=\"3420\" "
            + "y=\"620\" width=\"100\" height=\"80\" /></bpmndi:BPMNShape>"
            + "<bpmndi:BPMNEdge id=\"SequenceFlow_ConclusionConfirmed_di\" bpmnElement=\"SequenceFlow_ConclusionConfirmed\">"
            + "<di:waypoint x=\"3470\" y=\"620\" /><di:waypoint x=\"3470\" y=\"560\" /></bpmndi:BPMNEdge>"
            + "<bpmndi:BPMNShape id=\"Task_ConcludeAppeal_di\"");
    assertThat(v2).contains("targetRef=\"" + NEW_STEP + "\"", "<bpmn:userTask id=\"" + NEW_STEP,
        "bpmnElement=\"" + NEW_STEP + "\"");
    return v2;
  }

  private int deploy(Api api, String name, String bpmn) throws IOException {
    Api.Response r = api.deployLikeModeler("processowner", name, ProcessOwnerDeploymentTest.withForms(bpmn));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String id = r.json().path("id").asText();
    deployed.add(0, id);
    return repositoryService.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey("Appeal")
        .singleResult().getVersion();
  }

  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      List<Job> jobs;
      while (!(jobs = managementService.createJobQuery().jobDefinitionId(definition).list()).isEmpty()) {
        jobs.forEach(j -> managementService.executeJob(j.getId()));
      }
    }
  }

  private int version(Appeal a) {
    String definition = scenario.instance(a).getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definition).getVersion();
  }

  private Map<Long, String> clocks(List<Appeal> appeals) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (Appeal a : appeals) {
      out.put(a.id(), jdbc.sql("select coalesce(string_agg(concat_ws('|', kind, allowed, basis, started_at, "
          + "reminder_at, due_at, stopped_at), ';' order by id), '') from appeal_clock where appeal_id = :id")
          .param("id", a.id()).query(String.class).single());
    }
    return out;
  }

  private Map<Long, String> taskDueDates(List<Appeal> appeals) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (Appeal a : appeals) {
      out.put(a.id(), taskService.createTaskQuery().processInstanceId(scenario.instance(a).getId()).list().stream()
          .map(t -> t.getId() + "|" + t.getTaskDefinitionKey() + "|" + t.getDueDate()).sorted()
          .collect(Collectors.joining(";")));
    }
    return out;
  }

  private Map<Long, String> timers(List<Appeal> appeals) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (Appeal a : appeals) {
      out.put(a.id(), managementService.createJobQuery().processInstanceId(scenario.instance(a).getId()).timers()
          .list().stream().map(j -> j.getId() + "|" + j.getDuedate()).sorted().collect(Collectors.joining(";")));
    }
    return out;
  }
}
