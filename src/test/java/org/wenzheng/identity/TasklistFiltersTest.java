package org.wenzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/** The saved filters every handler sees in Tasklist: 本部门待办 and 我的任务. */
@WenzhengTest
class TasklistFiltersTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;

  @Test
  void shouldShowEachUnitItsOwnTasksInTheSharedFilters() {
    Api api = new Api(port);
    Appeal forCgw = scenario.submit();
    scenario.review(forCgw, "cgw");
    Appeal forGaj = scenario.submit();
    scenario.review(forGaj, "gaj");

    String unitFilter = filterId(api, "cgw1", CamundaSetup.FILTER_UNIT_TASKS);
    assertThat(filterId(api, "cgw1", CamundaSetup.FILTER_MY_TASKS)).isNotNull();
    assertThat(filterId(api, "dispatcher", CamundaSetup.FILTER_UNIT_TASKS)).isEqualTo(unitFilter);

    List<String> cgwSees = businessKeys(api, "cgw1", unitFilter);
    assertThat(cgwSees).contains(forCgw.trackingNumber()).doesNotContain(forGaj.trackingNumber());
    List<String> gajSees = businessKeys(api, "gaj1", unitFilter);
    assertThat(gajSees).contains(forGaj.trackingNumber()).doesNotContain(forCgw.trackingNumber());

    // 我的任务: what the user claimed.
    String mine = filterId(api, "cgw1", CamundaSetup.FILTER_MY_TASKS);
    assertThat(businessKeys(api, "cgw1", mine)).doesNotContain(forCgw.trackingNumber());
    String taskId = scenario.task(forCgw).getId();
    assertThat(api.post("/engine-rest/task/" + taskId + "/claim", "cgw1", "{\"userId\":\"cgw1\"}").status())
        .isEqualTo(204);
    assertThat(businessKeys(api, "cgw1", mine)).contains(forCgw.trackingNumber());
  }

  @Test
  void shouldShowWhatFallsDueWithinTwoWorkingHoursAndWhatIsOverdue() {
    Api api = new Api(port);
    try {
      Scenario.clock("2026-03-06T16:00"); // Friday afternoon
      Appeal appeal = scenario.submit();
      scenario.review(appeal, "jtj"); // acknowledgement due 17:00
      String dueSoon = filterId(api, "jtj1", CamundaSetup.FILTER_DUE_SOON);
      String overdue = filterId(api, "jtj1", CamundaSetup.FILTER_OVERDUE);

      Scenario.clock("2026-03-06T14:30");
      assertThat(businessKeys(api, "jtj1", dueSoon)).doesNotContain(appeal.trackingNumber());
      Scenario.clock("2026-03-06T16:10");
      assertThat(businessKeys(api, "jtj1", dueSoon)).contains(appeal.trackingNumber());
      assertThat(businessKeys(api, "jtj1", overdue)).doesNotContain(appeal.trackingNumber());
      assertThat(businessKeys(api, "cgw1", dueSoon)).doesNotContain(appeal.trackingNumber());

      Scenario.clock("2026-03-06T17:05");
      assertThat(businessKeys(api, "jtj1", overdue)).contains(appeal.trackingNumber());
      assertThat(businessKeys(api, "jtj1", dueSoon)).doesNotContain(appeal.trackingNumber());

      // Dispatched at 17:00, acknowledgement is due Monday 09:30. At 17:10 that is within two working hours
      // (20 minutes on Friday, 100 on Monday), though more than two clock hours away.
      Scenario.clock("2026-03-06T17:00");
      Appeal late = scenario.submit();
      scenario.review(late, "jtj");
      Scenario.clock("2026-03-06T17:10");
      assertThat(businessKeys(api, "jtj1", dueSoon)).contains(late.trackingNumber());
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void shouldShowTheDispatchCentreItsReviewsFallingDueAndOverdue() {
    Api api = new Api(port);
    try {
      // Review within two working hours (deadline-policy.dmn, 审核时限): arrived Friday 16:30, due Monday 10:00
      // (one hour on Friday, one on Monday morning).
      Scenario.clock("2026-03-06T16:30");
      Appeal appeal = scenario.submit();
      assertThat(scenario.task(appeal).getDueDate().toInstant())
          .isEqualTo(java.time.OffsetDateTime.parse("2026-03-09T10:00:00+08:00").toInstant());
      String dueSoon = filterId(api, "dispatcher", CamundaSetup.FILTER_DUE_SOON);
      String overdue = filterId(api, "dispatcher", CamundaSetup.FILTER_OVERDUE);

      // At 17:00 on Friday, ninety working minutes are left: 即将超期, not 已超期.
      Scenario.clock("2026-03-06T17:00");
      assertThat(businessKeys(api, "dispatcher", dueSoon)).contains(appeal.trackingNumber());
      assertThat(businessKeys(api, "dispatcher", overdue)).doesNotContain(appeal.trackingNumber());
      Scenario.clock("2026-03-09T10:01");
      assertThat(businessKeys(api, "dispatcher", overdue)).contains(appeal.trackingNumber());
      assertThat(businessKeys(api, "dispatcher", dueSoon)).doesNotContain(appeal.trackingNumber());
    } finally {
      ClockUtil.reset();
    }
  }

  private static String filterId(Api api, String user, String name) {
    for (JsonNode f : api.get("/engine-rest/filter?resourceType=Task&maxResults=50", user).json()) {
      if (name.equals(f.get("name").asText())) {
        return f.get("id").asText();
      }
    }
    return null;
  }

  private static List<String> businessKeys(Api api, String user, String filterId) {
    Api.Response r = api.get("/engine-rest/filter/" + filterId + "/list?maxResults=1000", user);
    assertThat(r.status()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    for (JsonNode task : r.json()) {
      keys.add(api.get("/engine-rest/task/" + task.get("id").asText() + "/variables/trackingNumber", user)
          .json().get("value").asText());
    }
    return keys;
  }
}
