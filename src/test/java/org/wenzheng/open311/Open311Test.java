package org.wenzheng.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.Channel;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * Open311 GeoReport v2 as a 311 app uses it, every endpoint in XML and JSON, and every error: 400 for bad input, 403
 * for a missing or revoked key, 404 for what does not exist. GET answers never carry personal data.
 */
@WenzhengTest
class Open311Test {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired AppealRepository appeals;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String apiKey;

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(body, e);
      }
    }

    Document xml() {
      try {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new IllegalStateException(body, e);
      }
    }
  }

  @BeforeEach
  void aClientWithAKey() {
    Api.Response issued = new Api(port).post("/api/open311/clients", "admin", "{\"name\":\"随手拍 311 应用\"}");
    assertThat(issued.status()).isEqualTo(201);
    apiKey = issued.json().get("apiKey").asText();
  }

  private Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2" + path)).GET());
  }

  private Reply post(String path, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2" + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent();
  }

  private Map<String, String> aRequest() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey);
    form.put("service_code", "COMPLAINT");
    form.put("lat", "30.6598");
    form.put("long", "104.1213");
    form.put("address_string", "成华区双桥路200号附近");
    form.put("description", "双桥路人行道上的井盖缺失，晚上很危险。我是张伟，电话13812345678。");
    form.put("first_name", "伟");
    form.put("last_name", "张");
    form.put("phone", "13812345678");
    form.put("attribute[TITLE]", "双桥路井盖缺失");
    return form;
  }

  @Test
  void shouldDescribeItselfAndItsServicesInXmlAndJson() throws Exception {
    Reply xml = get("/discovery.xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.contentType()).startsWith("text/xml").containsIgnoringCase("charset=UTF-8");
    assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><discovery>");
    Element endpoint = (Element) xml.xml().getElementsByTagName("endpoint").item(0);
    assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(endpoint.getElementsByTagName("format").getLength()).isEqualTo(2);
    JsonNode discovery = get("/discovery.json").json();
    assertThat(discovery.get("endpoints").get(0).get("formats")).hasSize(2);

    Reply services = get("/services.xml");
    assertThat(services.xml().getDocumentElement().getTagName()).isEqualTo("services");
    assertThat(services.xml().getElementsByTagName("service").getLength()).isEqualTo(5);
    JsonNode servicesJson = get("/services.json").json();
    assertThat(servicesJson.isArray()).isTrue();
    assertThat(servicesJson.findValuesAsText("service_code"))
        .containsExactly("CONSULTATION", "COMPLAINT", "SUGGESTION", "INFORMATION", "OTHER");
    assertThat(servicesJson.get(1).get("service_name").asText()).isEqualTo("举报投诉");
    assertThat(servicesJson.get(1).get("metadata").asBoolean()).isTrue();

    Reply definition = get("/services/COMPLAINT.xml");
    Document d = definition.xml();
    assertThat(d.getDocumentElement().getTagName()).isEqualTo("service_definition");
    Element mailbox = (Element) d.getElementsByTagName("attribute").item(1);
    assertThat(text(mailbox, "code")).isEqualTo("MAILBOX");
    assertThat(text(mailbox, "datatype")).isEqualTo("singlevaluelist");
    assertThat(mailbox.getElementsByTagName("value").getLength()).isGreaterThan(1);
    JsonNode definitionJson = get("/services/COMPLAINT.json").json();
    assertThat(definitionJson.get("attributes").get(1).get("values").findValuesAsText("key")).contains("mayor");

    Reply unknown = get("/services/POTHOLE.json");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get(0).get("code").asInt()).isEqualTo(404);
    Reply unknownXml = get("/services/POTHOLE.xml");
    assertThat(unknownXml.status()).isEqualTo(404);
    assertThat(text(unknownXml.xml().getDocumentElement(), "code")).isEqualTo("404");
    assertThat(get("/services.html").status()).isEqualTo(404);
    assertThat(get("/services.json?jurisdiction_id=elsewhere").status()).isEqualTo(404);
    assertThat(get("/services.json?jurisdiction_id=wenzheng").status()).isEqualTo(200);
  }

  @Test
  void shouldCreateARequestThroughIntakeAndFollowIt() {
    Reply created = post("/requests.json", aRequest());
    assertThat(created.status()).isEqualTo(200);
    JsonNode answer = created.json();
    assertThat(answer.isArray()).isTrue();
    String id = answer.get(0).get("service_request_id").asText();
    String token = answer.get(0).get("token").asText();
    assertThat(id).matches("WZ\\d{13}");
    assertThat(answer.get(0).get("service_notice").asText()).contains("签收");

    Appeal appeal = appeals.findByTrackingNumber(id).orElseThrow();
    assertThat(appeal.channel()).isEqualTo(Channel.OPEN311);
    assertThat(appeal.title()).isEqualTo("双桥路井盖缺失");
    assertThat(appeal.citizenName()).isEqualTo("张伟");
    assertThat(appeal.requestedType().name()).isEqualTo("COMPLAINT");
    assertThat(scenario.task(appeal)).isNotNull();

    Reply resolved = get("/tokens/" + token + ".xml");
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(text(resolved.xml().getDocumentElement(), "service_request_id")).isEqualTo(id);
    assertThat(get("/tokens/" + token + ".json").json().get(0).get("service_request_id").asText()).isEqualTo(id);
    assertThat(get("/tokens/nosuchtoken.json").status()).isEqualTo(404);

    JsonNode pending = get("/requests/" + id + ".json").json().get(0);
    assertThat(pending.get("status").asText()).isEqualTo("open");
    assertThat(pending.get("status_notes").asText()).isEqualTo("待调度中心审核");
    assertThat(pending.get("agency_responsible").isNull()).isTrue();

    scenario.review(appeal, "cgw");
    JsonNode dispatched = get("/requests/" + id + ".json").json().get(0);
    assertThat(dispatched.get("agency_responsible").asText()).isEqualTo("市城管委");
    assertThat(dispatched.get("status_notes").asText()).isEqualTo("已转交市城管委，待签收");
    assertThat(OffsetDateTime.parse(dispatched.get("expected_datetime").asText()).toInstant())
        .isEqualTo(scenario.reload(appeal).resolutionDueAt().toInstant().truncatedTo(ChronoUnit.SECONDS));
    assertThat(dispatched.get("requested_datetime").asText()).endsWith("+08:00");
    // Nothing personal: no name, no phone, the house number masked, coordinates to about 100 m.
    String raw = dispatched.toString();
    assertThat(raw).doesNotContain("13812345678", "张伟", "200号").contains("138****5678");
    assertThat(dispatched.get("address").asText()).isEqualTo("成华区双桥路***号附近");
    assertThat(dispatched.get("lat").decimalValue()).isEqualByComparingTo("30.660");
    assertThat(dispatched.has("phone")).isFalse();

    Reply one = get("/requests/" + id + ".xml");
    Element request = (Element) one.xml().getElementsByTagName("request").item(0);
    assertThat(one.xml().getDocumentElement().getTagName()).isEqualTo("service_requests");
    assertThat(text(request, "status")).isEqualTo("open");
    assertThat(text(request, "service_code")).isEqualTo("COMPLAINT");
    assertThat(text(request, "media_url")).isEmpty();
    assertThat(get("/requests/WZ0000000000000.xml").status()).isEqualTo(404);

    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "已补装井盖。");
    scenario.visit(appeal, "SATISFIED");
    JsonNode closed = get("/requests/" + id + ".json").json().get(0);
    assertThat(closed.get("status").asText()).isEqualTo("closed");
    assertThat(closed.get("status_notes").asText()).contains("已办结", "已补装井盖");
    assertThat(closed.get("expected_datetime").isNull()).isTrue();
  }

  @Test
  void shouldListRequestsByIdServiceDateAndStatus() {
    String complaint = post("/requests.json", aRequest()).json().get(0).get("service_request_id").asText();
    Map<String, String> consultation = aRequest();
    consultation.put("service_code", "CONSULTATION");
    consultation.remove("lat");
    consultation.remove("long");
    String asked = post("/requests.json", consultation).json().get(0).get("service_request_id").asText();

    JsonNode both = get("/requests.json?service_request_id=" + complaint + "," + asked + "&status=closed").json();
    assertThat(both.findValuesAsText("service_request_id")).containsExactlyInAnyOrder(complaint, asked);
    List<String> complaints = get("/requests.json?service_code=COMPLAINT").json()
        .findValuesAsText("service_request_id");
    assertThat(complaints).contains(complaint).doesNotContain(asked);
    assertThat(get("/requests.json?status=open").json().findValuesAsText("service_request_id"))
        .contains(complaint, asked);
    assertThat(get("/requests.json?status=closed").json().findValuesAsText("service_request_id"))
        .doesNotContain(complaint, asked);
    String today = OffsetDateTime.now().toLocalDate().toString();
    assertThat(get("/requests.xml?start_date=" + enc(today + "T00:00:00+08:00")).xml()
        .getElementsByTagName("request").getLength()).isGreaterThanOrEqualTo(2);
    assertThat(get("/requests.json?end_date=2020-01-01T00:00:00Z").json().findValuesAsText("service_request_id"))
        .doesNotContain(complaint);

    Reply tooLong = get("/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get(0).get("description").asText()).contains("90 days");
    assertThat(get("/requests.xml?start_date=yesterday").status()).isEqualTo(400);
    assertThat(get("/requests.json?status=pending").status()).isEqualTo(400);
    assertThat(get("/requests.json?service_code=POTHOLE").status()).isEqualTo(400);
  }

  @Test
  void shouldRefuseRequestsWithoutAValidKeyOrWithBadInputAndStoreNothing() {
    long before = jdbc.sql("select count(*) from appeal").query(Long.class).single();
    Map<String, String> noKey = aRequest();
    noKey.remove("api_key");
    Reply missing = post("/requests.xml", noKey);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(text(missing.xml().getDocumentElement(), "description")).contains("api_key");
    Map<String, String> wrongKey = aRequest();
    wrongKey.put("api_key", "wz_not-a-key");
    assertThat(post("/requests.json", wrongKey).status()).isEqualTo(403);

    for (String field : List.of("service_code", "description")) {
      Map<String, String> form = aRequest();
      form.remove(field);
      Reply r = post("/requests.json", form);
      assertThat(r.status()).as(field).isEqualTo(400);
      assertThat(r.json().get(0).get("description").asText()).contains(field);
    }
    Map<String, String> nowhere = aRequest();
    nowhere.remove("lat");
    nowhere.remove("address_string");
    assertThat(post("/requests.json", nowhere).json().get(0).get("description").asText()).contains("location");
    Map<String, String> badPhone = aRequest();
    badPhone.put("phone", "12345");
    assertThat(post("/requests.json", badPhone).status()).isEqualTo(400);
    Map<String, String> badLat = aRequest();
    badLat.put("lat", "123.4");
    assertThat(post("/requests.json", badLat).status()).isEqualTo(400);
    Map<String, String> badMailbox = aRequest();
    badMailbox.put("attribute[MAILBOX]", "nobody");
    assertThat(post("/requests.json", badMailbox).status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from appeal").query(Long.class).single()).isEqualTo(before);

    // Revoked by an administrator: the key no longer works. Nobody else may manage keys.
    Api api = new Api(port);
    long id = jdbc.sql("select id from open311_client where key_prefix = ?").param(apiKey.substring(0, 10))
        .query(Long.class).single();
    assertThat(api.get("/api/open311/clients", "dispatcher").status()).isEqualTo(403);
    assertThat(api.get("/api/open311/clients", "admin").body()).contains("随手拍 311 应用").doesNotContain(apiKey);
    assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/open311/clients/" + id))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes()))
        .DELETE()).status()).isEqualTo(204);
    assertThat(post("/requests.json", aRequest()).status()).isEqualTo(403);
  }
}
