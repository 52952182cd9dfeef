package org.wenzheng.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/** {@code GET /api/appeals/{id}}: staff only, and a unit only sees what it holds or held. */
@WenzhengTest
class AppealAccessTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;

  @Test
  void shouldShowAnAppealToCityWideStaffAndToTheUnitsThatHeldIt() {
    Api api = new Api(port);
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "gaj");
    scenario.acknowledge(appeal, "gaj");
    scenario.returnToDispatch(appeal, "gaj", "属于城管职责");
    scenario.agreeReturn(appeal);
    scenario.review(appeal, "cgw");
    String path = "/api/appeals/" + appeal.id();

    for (String user : new String[] {"dispatcher", "supervisor", "auditor", "admin", "cgw1", "cgwlead", "gaj1"}) {
      Api.Response r = api.get(path, user);
      assertThat(r.status()).as(user).isEqualTo(200);
      assertThat(r.json().get("trackingNumber").asText()).isEqualTo(appeal.trackingNumber());
    }
    Api.Response view = api.get(path, "dispatcher");
    assertThat(view.json().get("returnsCount").asInt()).isEqualTo(1);
    assertThat(view.json().get("department").get("name").asText()).isEqualTo("市城管委");
    assertThat(view.json().get("status").asText()).isEqualTo("DISPATCHED");

    Api.Response otherUnit = api.get(path, "jtj1");
    assertThat(otherUnit.status()).isEqualTo(403);
    assertThat(otherUnit.contentType()).startsWith("application/problem+json");
    assertThat(api.get(path, "intake").status()).isEqualTo(403);
    assertThat(api.get(path, null).status()).isEqualTo(401);
    assertThat(api.get("/api/appeals/999999999", "dispatcher").status()).isEqualTo(404);
  }
}
