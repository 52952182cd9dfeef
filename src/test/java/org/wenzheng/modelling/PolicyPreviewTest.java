package org.wenzheng.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * A process owner sees what a changed rule would have decided differently for the appeals of a period, before
 * deploying it (README, "Changing the process").
 */
@WenzhengTest
class PolicyPreviewTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired RepositoryService repositoryService;

  @Test
  void aLongerGeneralDeadlineShowsTheAppealsWhoseDeadlineWouldMove() throws Exception {
    List<Appeal> general = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Appeal a = scenario.submit();
      scenario.review(a, "cgw");
      general.add(a);
    }
    Appeal difficult = scenario.submit();
    scenario.review(difficult, "cgw", "DIFFICULT", false);
    long deployments = repositoryService.createDeploymentQuery().count();
    String policy = Files.readString(Path.of("processes/deadline-policy.dmn"));
    String changed = policy.replace(
        "<outputEntry id=\"OutputEntry_ResolutionGeneral_Duration\"><text>\"P1D\"</text></outputEntry>",
        "<outputEntry id=\"OutputEntry_ResolutionGeneral_Duration\"><text>\"P2D\"</text></outputEntry>");

    Response r = preview("processowner", changed, period());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode resolution = decision(r.json(), "ResolutionDeadline");
    assertThat(resolution.path("changed").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(resolution.path("evaluated").asLong()).isGreaterThan(resolution.path("changed").asLong());
    assertThat(decision(r.json(), "ResponseDeadline").path("changed").asLong()).isZero();
    List<String> listed = new ArrayList<>();
    for (JsonNode d : r.json().path("differences")) {
      listed.add(d.path("trackingNumber").asText());
      if (general.stream().anyMatch(a -> a.trackingNumber().equals(d.path("trackingNumber").asText()))) {
        assertThat(d.path("before").path("resolutionDuration").asText()).isEqualTo("P1D");
        assertThat(d.path("after").path("resolutionDuration").asText()).isEqualTo("P2D");
        assertThat(OffsetDateTime.parse(d.path("dueAfter").asText()))
            .isAfter(OffsetDateTime.parse(d.path("dueBefore").asText()));
      }
    }
    assertThat(listed).containsAll(general.stream().map(Appeal::trackingNumber).toList())
        .doesNotContain(difficult.trackingNumber());

    Response same = preview("supervisor", policy, period());
    assertThat(same.json().path("changed").asLong()).as(same.body()).isZero();
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
  }

  @Test
  void aWiderAccountabilityTriggerShowsTheCasesItWouldOpen() throws Exception {
    Appeal a = scenario.submit();
    scenario.review(a, "cgw");
    scenario.acknowledge(a, "cgw");
    scenario.reply(a, "cgw", "RESOLVED", "路灯已修复。");
    scenario.visitUnsatisfied(a, "OTHER", "诉求人希望更换全部路灯。");
    String triggers = Files.readString(Path.of("processes/accountability-triggers.dmn"));
    String wider = triggers.replace("<inputEntry id=\"InputEntry_Redo_Cause\"><text>\"UNIT\"</text></inputEntry>",
        "<inputEntry id=\"InputEntry_Redo_Cause\"><text></text></inputEntry>");
    assertThat(wider).isNotEqualTo(triggers);

    Response r = preview("processowner", wider, period());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode d : r.json().path("differences")) {
      if (d.path("trackingNumber").asText().equals(a.trackingNumber())) {
        mine = d;
      }
    }
    assertThat(mine).as(r.body()).isNotNull();
    assertThat(mine.path("inputs").path("accountabilityEvent").asText()).isEqualTo("REDO");
    assertThat(mine.path("before").path("openCase").asBoolean()).isFalse();
    assertThat(mine.path("after").path("openCase").asBoolean()).isTrue();
  }

  @Test
  void refusesWhatItCannotReadAndWhoMayNotAsk() throws Exception {
    String policy = Files.readString(Path.of("processes/deadline-policy.dmn"));
    Response notXml = preview("processowner", "不是决策表", period());
    assertThat(notXml.status()).isEqualTo(400);
    assertThat(notXml.contentType()).startsWith("application/problem+json");
    assertThat(notXml.body()).contains("dmn");
    Response script = preview("processowner", policy.replace("<inputExpression id=\"InputExpression_AppealType\" "
        + "typeRef=\"string\">", "<inputExpression id=\"InputExpression_AppealType\" typeRef=\"string\" "
        + "expressionLanguage=\"javascript\">"), period());
    assertThat(script.status()).isEqualTo(400);
    assertThat(script.body()).contains("InputExpression_AppealType");
    LocalDate today = EngineClock.now().atZone(EngineClock.ZONE).toLocalDate();
    Response backwards = preview("processowner", policy, "from=" + today + "&to=" + today.minusDays(1));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body()).contains("\"to\"");
    assertThat(preview("cgw1", policy, period()).status()).isEqualTo(403);
    assertThat(preview("auditor", policy, period()).status()).isEqualTo(403);
  }

  private static JsonNode decision(JsonNode preview, String key) {
    for (JsonNode d : preview.path("decisions")) {
      if (d.path("key").asText().equals(key)) {
        return d;
      }
    }
    throw new AssertionError("no decision " + key + " in " + preview);
  }

  private static String period() {
    LocalDate today = EngineClock.now().atZone(EngineClock.ZONE).toLocalDate();
    return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
  }

  record Response(int status, String contentType, String body) {
    JsonNode json() throws IOException {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }
  }

  /** The DMN file as Modeler saves it, posted as the body. */
  private Response preview(String user, String dmn, String query) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/policy/preview?" + query))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString(dmn, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }
}
