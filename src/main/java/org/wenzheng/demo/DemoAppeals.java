package org.wenzheng.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.routing.Routing;
import org.wenzheng.security.Groups;

/**
 * Fills an empty demo with realistic appeals (demo-appeals.jsonl, labelled by the dispatch centre's answer) through
 * the real intake, as the {@code intake} account would. Three in four are then reviewed by {@code dispatcher} and
 * dispatched to the labelled unit, so every demo role finds work in Tasklist. Idempotent by channel message id.
 */
@Component
@Profile("demo")
@Order(30)
class DemoAppeals implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoAppeals.class);
  private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"};

  private final IntakeService intake;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final ObjectMapper json;
  private final int count;
  private final Routing routing;

  DemoAppeals(IntakeService intake, IdentityService identityService, TaskService taskService, ObjectMapper json,
      @Value("${wenzheng.demo.sample-appeals}") int count, Routing routing) {
    this.routing = routing;
    this.intake = intake;
    this.identityService = identityService;
    this.taskService = taskService;
    this.json = json;
    this.count = count;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (count <= 0) {
      return;
    }
    List<JsonNode> rows = read();
    int created = 0;
    for (int i = 0; i < Math.min(count, rows.size()); i++) {
      JsonNode row = rows.get(i);
      AppealSubmission submission = submission(row, i);
      IntakeService.Intake result = as("intake", List.of(Groups.INTAKE), () -> intake.submit(submission));
      if (result.created()) {
        created++;
        if (i % 4 != 0 && !row.path("department").asText().isEmpty() && !row.path("invalid").asBoolean()) {
          review(result.appeal().trackingNumber(), row);
        }
      }
    }
    if (created > 0) {
      log.info("Demo: {} sample appeals registered", created);
      // The demo's dispatches are the routing suggestions' first lessons; the next appeals benefit at once.
      routing.relearn();
    }
  }

  private AppealSubmission submission(JsonNode row, int i) {
    String channel = row.path("channel").asText();
    String phone = String.format("1380028%04d", i);
    String email = i % 3 == 1 ? "citizen" + i + "@example.com" : null;
    String district = row.path("district").asText();
    return new AppealSubmission(channel, "demo-" + row.path("id").asText(), row.path("title").asText(),
        row.path("content").asText(), null, "MAILBOX".equals(channel) ? "mayor" : null,
        new AppealSubmission.Citizen(NAMES[i % NAMES.length], phone, email),
        new AppealSubmission.Location(district.isEmpty() ? null : district, null, null),
        row.path("urgent").asBoolean(false), null);
  }

  private void review(String trackingNumber, JsonNode row) {
    as("dispatcher", List.of(Groups.DISPATCH), () -> {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
          .taskDefinitionKey(AppealProcess.TASK_REVIEW).singleResult();
      taskService.complete(task.getId(), Map.of(
          AppealProcess.VAR_REVIEW_DECISION, "ACCEPT",
          AppealProcess.VAR_DEPARTMENT_CODE, row.path("department").asText(),
          AppealProcess.VAR_APPEAL_TYPE, row.path("appealType").asText(),
          AppealProcess.VAR_COMPLEXITY, row.path("complexity").asText()));
      return null;
    });
  }

  private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<JsonNode> read() throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new ClassPathResource("demo-appeals.jsonl").getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(json.readTree(line));
        }
      }
    }
    return rows;
  }
}
