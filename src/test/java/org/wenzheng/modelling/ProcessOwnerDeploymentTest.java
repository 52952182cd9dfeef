package org.wenzheng.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * A process owner deploys from Camunda Desktop Modeler, exactly as Modeler sends it, and the server checks every
 * deployment before storing anything (README, "Changing the process").
 */
@WenzhengTest
class ProcessOwnerDeploymentTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;

  private final List<String> deployed = new ArrayList<>();

  @AfterEach
  void undeploy() {
    // Later tests expect the shipped models: the versions deployed here go again.
    deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aChangedDeadlineRowCountsFromTheNextDispatchAndIsJournalledAsOneChangedRow() throws IOException {
    Api api = new Api(port);
    Appeal running = scenario.submit();
    scenario.review(running, "cgw");
    String policy = Files.readString(Path.of("processes/deadline-policy.dmn"));
    String changed = policy.replace(
        "<outputEntry id=\"OutputEntry_ResolutionGeneral_Duration\"><text>\"P1D\"</text></outputEntry>",
        "<outputEntry id=\"OutputEntry_ResolutionGeneral_Duration\"><text>\"P2D\"</text></outputEntry>");
    assertThat(changed).isNotEqualTo(policy);
    long changesBefore = jdbc.sql("select count(*) from process_change").query(Long.class).single();

    Api.Response r = api.deployLikeModeler("processowner", "办理时限", Map.of("deadline-policy.dmn",
        changed.getBytes(StandardCharsets.UTF_8)));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    deployed.add(r.json().path("id").asText());
    Appeal next = scenario.submit();
    scenario.review(next, "cgw");
    assertThat(allowed(next)).isEqualTo("P2D");
    assertThat(allowed(running)).as("a running clock keeps its policy").isEqualTo("P1D");

    // Modeler deploys again with deploy-changed-only: nothing new, nothing journalled.
    Api.Response again = api.deployLikeModeler("processowner", "办理时限", Map.of("deadline-policy.dmn",
        changed.getBytes(StandardCharsets.UTF_8)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from process_change").query(Long.class).single())
        .isEqualTo(changesBefore + 1);

    JsonNode change = api.get("/api/process-changes?limit=1", "auditor").json().path("changes").get(0);
    assertThat(change.path("kind").asText()).isEqualTo("DEPLOYMENT");
    assertThat(change.path("changedBy").asText()).isEqualTo("processowner");
    assertThat(change.path("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(change.path("changedAt").asText()).as("in Chinese office time").endsWith("+08:00");
    assertThat(change.path("files").toString()).isEqualTo("[\"deadline-policy.dmn\"]");
    JsonNode decisions = change.path("details").get(0).path("decisions");
    assertThat(decisions).hasSize(1);
    JsonNode table = decisions.get(0);
    assertThat(table.path("key").asText()).isEqualTo("ResolutionDeadline");
    assertThat(table.path("rowsAdded")).isEmpty();
    assertThat(table.path("rowsRemoved")).isEmpty();
    assertThat(table.path("rowsChanged")).hasSize(1);
    JsonNode row = table.path("rowsChanged").get(0);
    assertThat(row.path("rule").asText()).isEqualTo("Rule_ResolutionGeneral");
    assertThat(row.path("cells")).hasSize(1);
    JsonNode cell = row.path("cells").get(0);
    assertThat(List.of(cell.path("column").asText(), cell.path("before").asText(), cell.path("after").asText()))
        .containsExactly("办结时长", "\"P1D\"", "\"P2D\"");

    Api.Response page = api.get("/process-changes", "supervisor");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("processowner", "deadline-policy.dmn", "办结时限", "Rule_ResolutionGeneral",
        "&quot;P1D&quot;", "&quot;P2D&quot;");
    assertThat(api.get("/process-changes", "cgw1").status()).isEqualTo(403);
  }

  @Test
  void refusesWhatWouldLetAModelDoMoreThanTheProjectsSteps() throws IOException {
    Api api = new Api(port);
    String appeal = Files.readString(Path.of("processes/appeal.bpmn"));
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("Task_ConcludeAppeal", appeal.replace(
        "<bpmn:serviceTask id=\"Task_ConcludeAppeal\" name=\"办结诉求\" camunda:delegateExpression=\"${concludeAppealDelegate}\">",
        "<bpmn:scriptTask id=\"Task_ConcludeAppeal\" name=\"办结诉求\" scriptFormat=\"javascript\">"
            + "<bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>")
        .replace("<bpmn:outgoing>SequenceFlow_Concluded</bpmn:outgoing></bpmn:serviceTask>",
            "<bpmn:outgoing>SequenceFlow_Concluded</bpmn:outgoing></bpmn:scriptTask>"));
    cases.put("SequenceFlow_ReviewAcceptedNo", appeal.replace("${reviewDecision == &#x27;REJECT&#x27;}",
        "${&#x27;&#x27;.getClass().forName(&#x27;java.lang.Runtime&#x27;).getRuntime().exec(&#x27;id&#x27;) != null}"));
    cases.put("SequenceFlow_ReviewAcceptedNo jdbcClient", appeal.replace("${reviewDecision == &#x27;REJECT&#x27;}",
        "${jdbcClient.sql(&#x27;delete from appeal&#x27;).update() &gt; 0}"));
    cases.put("SequenceFlow_ReviewAcceptedNo execution", appeal.replace("${reviewDecision == &#x27;REJECT&#x27;}",
        "${execution.getProcessEngineServices().getRuntimeService() != null}"));
    cases.put("Appeal Task_HandleAppeal", appeal.replace("Task_HandleAppeal", "Task_Handle"));
    cases.put("Task_ReviewReply NoSuchForm", appeal.replace("camunda:formRef=\"ReviewReplyForm\"",
        "camunda:formRef=\"NoSuchForm\""));
    long deployments = repositoryService.createDeploymentQuery().count();
    long changes = jdbc.sql("select count(*) from process_change").query(Long.class).single();
    for (var c : cases.entrySet()) {
      assertThat(c.getValue()).as(c.getKey()).isNotEqualTo(appeal);
      Api.Response r = api.deployLikeModeler("processowner", "诉求办理", withForms(c.getValue()));
      assertThat(r.status()).as(c.getKey() + ": " + r.body()).isEqualTo(400);
      JsonNode errors = r.json().path("details").path("appeal.bpmn").path("errors");
      assertThat(errors.toString()).as(c.getKey()).contains(c.getKey().split(" "));
    }
    assertThat(api.deployLikeModeler("cgw1", "诉求办理", withForms(appeal)).status()).isEqualTo(403);
    assertThat(api.deployLikeModeler("auditor", "诉求办理", withForms(appeal)).status()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(jdbc.sql("select count(*) from process_change").query(Long.class).single()).isEqualTo(changes);
  }

  @Test
  void aStepTakenFromItsElementTemplateRunsLikeTheDeclaredOne() throws IOException {
    Api api = new Api(port);
    String appeal = Files.readString(Path.of("processes/appeal.bpmn"));
    String declared = "<bpmn:extensionElements><camunda:taskListener delegateExpression=\"${reviewAppealListener}\" "
        + "event=\"create\" /><camunda:taskListener delegateExpression=\"${reviewAppealListener}\" "
        + "event=\"complete\" /></bpmn:extensionElements>";
    String templated = appeal.replace(declared, "<bpmn:extensionElements><camunda:properties><camunda:property "
        + "name=\"taskListener.create\" value=\"reviewAppealListener\" /><camunda:property "
        + "name=\"taskListener.complete\" value=\"reviewAppealListener\" /></camunda:properties>"
        + "</bpmn:extensionElements>");
    assertThat(templated).isNotEqualTo(appeal);
    Api.Response wrongKind = api.deployLikeModeler("processowner", "诉求办理（模板）",
        withForms(templated.replace("value=\"reviewAppealListener\"", "value=\"concludeAppealDelegate\"")));
    assertThat(wrongKind.status()).isEqualTo(400);
    assertThat(wrongKind.body()).contains("Task_ReviewAppeal", "concludeAppealDelegate");

    Api.Response r = api.deployLikeModeler("processowner", "诉求办理（模板）", withForms(templated));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String deployment = r.json().path("id").asText();
    deployed.add(deployment);
    Appeal a = scenario.submit();
    assertThat(repositoryService.getProcessDefinition(scenario.instance(a).getProcessDefinitionId())
        .getDeploymentId()).isEqualTo(deployment);

    assertThatThrownBy(() -> scenario.complete("dispatcher", List.of("dispatch"), a,
        Map.of("reviewDecision", "ACCEPT"))).as("the listener checks the review as the declared one does")
        .hasMessageContaining("departmentCode");
    scenario.review(a, "cgw");
    assertThat(scenario.task(a).getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeAppeal");
    assertThat(scenario.events(a)).contains("DISPATCHED");
    // To its end, so that removing this version afterwards leaves no appeal without its process.
    scenario.acknowledge(a, "cgw");
    scenario.reply(a, "cgw", "RESOLVED", "路灯已修复。");
    scenario.visit(a, "SATISFIED");
    scenario.runJobs(a);
    assertThat(scenario.reload(a).status().name()).isEqualTo("ARCHIVED");
  }

  /** The diagram with the forms its tasks name, attached as Modeler attaches them. */
  static Map<String, byte[]> withForms(String bpmn) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("appeal.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path f : forms.sorted().toList()) {
        files.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  private String allowed(Appeal a) {
    return jdbc.sql("select allowed from appeal_clock where appeal_id = :id and kind = 'RESOLUTION' "
        + "order by id desc limit 1").param("id", a.id()).query(String.class).single();
  }
}
