package org.wenzheng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.support.Api;
import org.wenzheng.support.TestMail;
import org.wenzheng.support.WenzhengTest;

/**
 * One appeal from intake to archive through the real entry points (our API and Camunda's REST API, the one Tasklist
 * uses), as the demo users: the channel adapter, the dispatcher and a handler of 市城管委. A handler of 市公安局
 * tries to see and complete the same tasks and cannot. The reply arrives by SMTP.
 */
@WenzhengTest
class AppealEndToEndTest {

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void shouldCarryAnAppealFromIntakeToArchiveAsTheRealUsers() {
    Api api = new Api(port);
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    Api.Response receipt = api.post("/api/appeals", "intake", Api.json(Map.of(
        "channel", "WEB", "channelMessageId", "web-" + UUID.randomUUID(),
        "title", "东大街地铁站C口公厕白天锁门",
        "content", "锦江区东大街地铁站C口旁边的公厕白天经常锁门，附近没有别的厕所，请督促开放。",
        "citizen", Map.of("name", "赵磊", "phone", "13698765432", "email", email),
        "location", Map.of("district", "锦江区", "address", "东大街地铁站C口"))));
    assertThat(receipt.status()).isEqualTo(201);
    long id = receipt.json().get("id").asLong();
    String trackingNumber = receipt.json().get("trackingNumber").asText();

    // 审核: the dispatcher finds the task, reads the form variables Tasklist would, and submits the form.
    JsonNode review = onlyTask(api, "dispatcher", trackingNumber);
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewAppeal");
    assertThat(review.get("camundaFormRef").get("key").asText()).isEqualTo("ReviewAppealForm");
    JsonNode formVariables = api.get("/engine-rest/task/" + review.get("id").asText()
        + "/form-variables?deserializeValues=false",
        "dispatcher").json();
    assertThat(formVariables.get("content").get("value").asText()).contains("东大街地铁站C口");
    assertThat(formVariables.get("departmentOptions").get("value").asText()).contains("市城管委");
    Api.Response refused = api.post("/engine-rest/task/" + review.get("id").asText() + "/submit-form",
        "dispatcher", variables(Map.of("reviewDecision", "ACCEPT", "appealType", "COMPLAINT",
            "complexity", "GENERAL")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("departmentCode");
    assertThat(api.post("/engine-rest/task/" + review.get("id").asText() + "/submit-form", "dispatcher",
        variables(Map.of("reviewDecision", "ACCEPT", "departmentCode", "cgw", "appealType", "COMPLAINT",
            "complexity", "GENERAL", "dispatchNote", "请核实开放时间"))).status()).isEqualTo(204);

    // 签收: only 市城管委 sees and works the task.
    JsonNode acknowledge = onlyTask(api, "cgw1", trackingNumber);
    String ackId = acknowledge.get("id").asText();
    assertThat(acknowledge.get("taskDefinitionKey").asText()).isEqualTo("Task_AcknowledgeAppeal");
    assertOtherUnitLockedOut(api, trackingNumber, ackId, id);
    String instance = "/engine-rest/process-instance/" + acknowledge.get("processInstanceId").asText() + "/variables";
    assertThat(api.get(instance, "cgw1").json().get("trackingNumber").get("value").asText()).isEqualTo(trackingNumber);
    assertThat(api.get(instance, "gaj1").status()).isEqualTo(403);
    assertThat(api.post("/engine-rest/task/" + ackId + "/claim", "cgw1", "{\"userId\":\"cgw1\"}").status())
        .isEqualTo(204);
    assertThat(api.post("/engine-rest/task/" + ackId + "/complete", "cgw1", "{}").status()).isEqualTo(204);

    // 办理: the handler answers; the other unit still cannot touch it.
    JsonNode handle = onlyTask(api, "cgw1", trackingNumber);
    assertThat(handle.get("taskDefinitionKey").asText()).isEqualTo("Task_HandleAppeal");
    assertOtherUnitLockedOut(api, trackingNumber, handle.get("id").asText(), id);
    String reply = "经核查，该公厕因保洁人员调整曾临时锁门，现已恢复每日6:00-23:00开放，并在门口公示开放时间。";
    assertThat(api.post("/engine-rest/task/" + handle.get("id").asText() + "/complete", "cgw1",
        variables(Map.of("handlingOutcome", "RESOLVED", "replyText", reply))).status()).isEqualTo(204);

    // 答复审核: the dispatch centre reads the reply beside the appeal it answers, and approves it.
    JsonNode replyReview = onlyTask(api, "dispatcher", trackingNumber);
    assertThat(replyReview.get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewReply");
    JsonNode reviewed = api.get("/engine-rest/task/" + replyReview.get("id").asText()
        + "/form-variables?deserializeValues=false", "dispatcher").json();
    // As the form shows it: escaped for the form's Markdown, so that it reads exactly as the unit wrote it.
    assertThat(reviewed.get("replyText").get("value").asText())
        .isEqualTo(reply.replace(":", "\\:").replace("-", "\\-"));
    assertThat(reviewed.get("trackingNumber").get("value").asText()).isEqualTo(trackingNumber);
    assertThat(TestMail.to(email)).isEmpty();
    assertThat(api.post("/engine-rest/task/" + replyReview.get("id").asText() + "/complete", "dispatcher",
        variables(Map.of("replyReviewDecision", "APPROVE"))).status()).isEqualTo(204);

    // 答复: the citizen receives the reply by email, with a link to rate it.
    await().atMost(Duration.ofSeconds(20)).until(() -> !TestMail.to(email).isEmpty());
    List<MimeMessage> mails = TestMail.to(email);
    assertThat(mails).hasSize(1);
    assertThat(TestMail.body(mails.get(0))).contains(reply).contains(trackingNumber).contains("市城管委")
        .contains("http://localhost:8080/c/");

    // The citizen does not rate within three days: 回访 by the dispatch centre, then 办结 and 归档 (jobs; the job
    // executor is off in tests).
    String ratingTimer = managementService.createJobQuery().processInstanceId(
        replyReview.get("processInstanceId").asText()).activityId("Event_RatingWindowClosed").singleResult().getId();
    managementService.executeJob(ratingTimer);
    JsonNode visit = onlyTask(api, "dispatcher", trackingNumber);
    assertThat(visit.get("taskDefinitionKey").asText()).isEqualTo("Task_ReturnVisit");
    assertThat(api.post("/engine-rest/task/" + visit.get("id").asText() + "/complete", "dispatcher",
        variables(Map.of("satisfaction", "BASICALLY_SATISFIED"))).status()).isEqualTo(204);
    String processInstanceId = visit.get("processInstanceId").asText();
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).list()) {
      managementService.executeJob(job.getId());
    }

    JsonNode appeal = api.get("/api/appeals/" + id, "dispatcher").json();
    assertThat(appeal.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(appeal.get("department").get("code").asText()).isEqualTo("cgw");
    assertThat(appeal.get("reply").get("text").asText()).isEqualTo(reply);
    assertThat(appeal.get("satisfaction").asText()).isEqualTo("BASICALLY_SATISFIED");
    assertThat(appeal.get("conclusion").asText()).isEqualTo("RESOLVED");
    assertThat(appeal.get("timestamps").get("archived").asText()).endsWith("+08:00");

    // The engine recorded who did what (its operation log is only written for authenticated users).
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .operationType("Complete").list())
        .extracting(e -> e.getUserId()).contains("dispatcher", "cgw1");

    // 痕迹: an auditor reads every step in order, with who did it, from the engine's history and our records.
    Api.Response trace = api.get("/api/appeals/" + id + "/timeline", "auditor");
    assertThat(trace.status()).isEqualTo(200);
    List<JsonNode> steps = new ArrayList<>();
    trace.json().get("steps").forEach(steps::add);
    assertThat(steps).extracting(s -> OffsetDateTime.parse(s.get("at").asText())).isSorted();
    int reviewDone = indexOf(steps, "任务完成：审核诉求", "dispatcher");
    int handled = indexOf(steps, "任务完成：办理诉求", "cgw1");
    int approved = indexOf(steps, "任务完成：审核答复", "dispatcher");
    int replyMail = -1;
    for (int i = 0; i < steps.size(); i++) {
      JsonNode d = steps.get(i).get("detail");
      if ("message".equals(steps.get(i).get("source").asText()) && email.equals(d.path("recipient").asText())
          && d.path("body").asText().contains(reply)) {
        replyMail = i;
      }
    }
    assertThat(List.of(reviewDone, handled, approved, replyMail)).isSorted().doesNotContain(-1);
    assertThat(steps.get(handled).get("unitName").asText()).isEqualTo("市城管委");
    assertThat(steps).anySatisfy(s -> {
      assertThat(s.get("source").asText()).isEqualTo("engine-variables");
      assertThat(s.get("who").asText()).isEqualTo("cgw1");
      assertThat(s.get("detail").get("replyText").asText()).isEqualTo(reply);
    });
    assertThat(steps).anySatisfy(s -> {
      assertThat(s.get("what").asText()).isEqualTo("定时器触发：3日内未评价");
    });
    assertThat(steps).anySatisfy(s -> {
      assertThat(s.get("source").asText()).isEqualTo("journal");
      assertThat(s.get("what").asText()).isEqualTo("转办");
      assertThat(s.get("who").asText()).isEqualTo("dispatcher");
      assertThat(s.get("detail").get("departmentCode").asText()).isEqualTo("cgw");
    });
    JsonNode deadlines = trace.json().get("deadlines");
    assertThat(deadlines).hasSize(2);
    assertThat(deadlines.get(0).get("kind").asText()).isEqualTo("RESPONSE");
    assertThat(api.get("/api/appeals/" + id + "/timeline", "cgw1").status()).isEqualTo(200);
    assertThat(api.get("/api/appeals/" + id + "/timeline", "gaj1").status()).isEqualTo(403);
    // The auditor's page shows the same steps.
    Api.Response page = api.get("/audit?trackingNumber=" + trackingNumber, "auditor");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(trackingNumber, "任务完成：办理诉求", reply);
  }

  private static int indexOf(List<JsonNode> steps, String what, String who) {
    for (int i = 0; i < steps.size(); i++) {
      if (what.equals(steps.get(i).get("what").asText()) && who.equals(steps.get(i).get("who").asText())) {
        return i;
      }
    }
    return -1;
  }

  private static void assertOtherUnitLockedOut(Api api, String trackingNumber, String taskId, long appealId) {
    assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber + "&maxResults=10",
        "gaj1").json()).isEmpty();
    assertThat(api.get("/engine-rest/task/" + taskId, "gaj1").status()).isIn(403, 404);
    assertThat(api.post("/engine-rest/task/" + taskId + "/complete", "gaj1",
        variables(Map.of("handlingOutcome", "RESOLVED", "replyText", "不是我们办的"))).status()).isEqualTo(403);
    assertThat(api.post("/engine-rest/task/" + taskId + "/claim", "gaj1", "{\"userId\":\"gaj1\"}").status())
        .isEqualTo(403);
    assertThat(api.get("/api/appeals/" + appealId, "gaj1").status()).isEqualTo(403);
  }

  private static JsonNode onlyTask(Api api, String user, String trackingNumber) {
    Api.Response r = api.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber + "&maxResults=10",
        user);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).hasSize(1);
    return r.json().get(0);
  }

  private static String variables(Map<String, String> values) {
    StringBuilder sb = new StringBuilder("{\"variables\":{");
    values.forEach((k, v) -> sb.append('"').append(k).append("\":{\"value\":").append(Api.json(v)).append("},"));
    sb.setLength(sb.length() - 1);
    return sb.append("}}").toString();
  }
}
