package org.wenzheng.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * What could leak or be confused on the way in and out: an appeal whose citizen did not consent shows on Open311 no
 * reply, no street address and no coordinates; two channel messages whose ids differ only by spaces are two appeals;
 * Tomcat believes X-Forwarded-For only from loopback, so nobody on the network escapes a limit by rotating it.
 */
@WenzhengTest
class ExposureTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired IntakeService intake;
  @Autowired ServletWebServerApplicationContext context;

  @Test
  void shouldShowNothingOfANonConsentedAppealsWordsOrPlaceOnOpen311() {
    AppealSubmission submission = new AppealSubmission("WEB", "private-" + UUID.randomUUID(), "楼上漏水",
        "双桥路200号3栋楼上漏水，物业不管。", null, null, new AppealSubmission.Citizen("王五", "13800005678", null),
        new AppealSubmission.Location("成华区", "双桥子街道", "双桥路200号"), false, false);
    Appeal appeal = scenario.as("intake", List.of("intake"), () -> intake.submit(submission).appeal());
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "已联系物业于双桥路200号3栋维修完毕。");

    JsonNode request = new Api(port).get("/open311/v2/requests/" + appeal.trackingNumber() + ".json", null).json()
        .get(0);
    String raw = request.toString();
    assertThat(raw).doesNotContain("漏水", "双桥路", "双桥子街道", "物业", "维修", "王五", "5678");
    assertThat(request.get("address").asText()).isEqualTo("成华区");
    assertThat(request.get("lat").isNull()).isTrue();
    assertThat(request.get("status_notes").asText()).startsWith("市城管委已答复");
  }

  @Test
  void shouldTakeChannelMessageIdsExactlyAsSent() {
    Api api = new Api(port);
    String id = "wx-" + UUID.randomUUID();
    Map<String, Object> body = Map.of("channel", "WECHAT", "title", "路灯不亮", "content", "双桥路路灯坏了两周。",
        "citizen", Map.of("phone", "13800001234"));
    Api.Response first = api.post("/api/appeals", "intake", Api.json(with(body, id)));
    Api.Response second = api.post("/api/appeals", "intake", Api.json(with(body, " " + id)));
    Api.Response again = api.post("/api/appeals", "intake", Api.json(with(body, id)));
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("trackingNumber").asText()).isNotEqualTo(first.json().get("trackingNumber").asText());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("trackingNumber").asText()).isEqualTo(first.json().get("trackingNumber").asText());
  }

  @Test
  void shouldBelieveForwardedAddressesOnlyFromLoopback() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    RemoteIpValve remoteIp = null;
    for (Valve v : server.getTomcat().getEngine().getPipeline().getValves()) {
      if (v instanceof RemoteIpValve r) {
        remoteIp = r;
      }
    }
    assertThat(remoteIp).as("Tomcat reads X-Forwarded-For behind a proxy").isNotNull();
    String trusted = remoteIp.getInternalProxies();
    for (String proxy : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
      assertThat(proxy.matches(trusted)).as(proxy).isTrue();
    }
    for (String peer : List.of("10.1.2.3", "192.168.1.20", "172.16.0.5", "169.254.1.1", "100.64.0.1")) {
      assertThat(peer.matches(trusted)).as(peer + " must not be able to set the client's address").isFalse();
    }
  }

  private static Map<String, Object> with(Map<String, Object> body, String channelMessageId) {
    Map<String, Object> b = new java.util.LinkedHashMap<>(body);
    b.put("channelMessageId", channelMessageId);
    return b;
  }
}
