package org.wenzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * Group {@code audit} reads everything and changes nothing: every write endpoint of our API (found from the
 * application's own mappings, so a new one is covered the day it is added) and Camunda's REST API answers 403 to
 * {@code auditor}, and nothing changes; reading works.
 */
@WenzhengTest
class AuditorReadOnlyTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  record Call(String method, String path, String body) {
  }

  private List<Call> ourWrites(Appeal appeal) {
    List<Call> calls = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") && !pattern.startsWith("/audit")) {
          continue;
        }
        var methods = info.getMethodsCondition().getMethods();
        for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE) : methods) {
          if (m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS) {
            calls.add(new Call(m.name(), pattern.replace("{trackingNumber}", appeal.trackingNumber())
                .replaceAll("\\{[^}]+}", String.valueOf(appeal.id())), "{}"));
          }
        }
      }
    }
    return calls;
  }

  private static List<Call> engineWrites(String task, String instance) {
    return List.of(
        new Call("POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"auditor\"}"),
        new Call("POST", "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"auditor\"}"),
        new Call("POST", "/engine-rest/task/" + task + "/complete", "{}"),
        new Call("POST", "/engine-rest/task/" + task + "/submit-form", "{}"),
        new Call("PUT", "/engine-rest/task/" + task + "/variables/reviewDecision", "{\"value\":\"REJECT\"}"),
        new Call("DELETE", "/engine-rest/task/" + task, null),
        new Call("POST", "/engine-rest/process-definition/key/Appeal/start", "{}"),
        new Call("POST", "/engine-rest/message", "{\"messageName\":\"Message_CitizenRated\"}"),
        new Call("POST", "/engine-rest/signal", "{\"name\":\"anything\"}"),
        new Call("PUT", "/engine-rest/process-instance/" + instance + "/variables/departmentCode",
            "{\"value\":\"gaj\"}"),
        new Call("PUT", "/engine-rest/process-instance/" + instance + "/suspended", "{\"suspended\":true}"),
        new Call("POST", "/engine-rest/process-instance/" + instance + "/modification", "{\"instructions\":[]}"),
        new Call("DELETE", "/engine-rest/process-instance/" + instance, null),
        new Call("POST", "/engine-rest/deployment/create", "{}"),
        new Call("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"mole\"},\"credentials\":{}}"),
        new Call("POST", "/engine-rest/group/create", "{\"id\":\"moles\"}"),
        new Call("POST", "/engine-rest/authorization/create", "{}"),
        new Call("POST", "/engine-rest/history/cleanup", null),
        new Call("PUT", "/engine-rest/job/retries", "{}"),
        new Call("POST", "/engine-rest/decision-definition/key/ResponseDeadline/evaluate", "{}"),
        new Call("POST", "/engine-rest/external-task/fetchAndLock", "{}"));
  }

  @Test
  void shouldRefuseEveryWriteToAnAuditorAndLetThemReadEverything() {
    Appeal appeal = scenario.submit();
    Task review = scenario.task(appeal);
    Api api = new Api(port);

    List<Call> calls = new ArrayList<>(ourWrites(appeal));
    assertThat(calls).extracting(Call::path).contains("/api/appeals", "/api/calendar/years/" + appeal.id(),
        "/api/open311/clients", "/api/appeals/by-number/" + appeal.trackingNumber() + "/answer");
    calls.addAll(engineWrites(review.getId(), appeal.processInstanceId()));
    for (Call call : calls) {
      Api.Response r = api.send(call.method(), call.path(), "auditor", call.body());
      assertThat(r.status()).as(call.method() + " " + call.path()).isEqualTo(403);
      assertThat(r.contentType()).as(call.method() + " " + call.path()).startsWith("application/problem+json");
    }

    // Nothing moved.
    Task still = scenario.task(appeal);
    assertThat(still.getId()).isEqualTo(review.getId());
    assertThat(still.getAssignee()).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(appeal.processInstanceId())
        .active().count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(appeal.processInstanceId(), "departmentCode")).isNull();

    // Reading works, in our API, Camunda's and the auditor's page.
    assertThat(api.get("/api/appeals/" + appeal.id(), "auditor").status()).isEqualTo(200);
    assertThat(api.get("/api/appeals/" + appeal.id() + "/timeline", "auditor").status()).isEqualTo(200);
    assertThat(api.get("/api/audit/verify", "auditor").status()).isEqualTo(200);
    assertThat(api.get("/audit?trackingNumber=" + appeal.trackingNumber(), "auditor").status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/task/" + review.getId(), "auditor").status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/history/process-instance?maxResults=10&processInstanceId="
        + appeal.processInstanceId(), "auditor").json()).hasSize(1);
    assertThat(api.get("/engine-rest/history/user-operation?maxResults=5", "auditor").status()).isEqualTo(200);
  }
}
