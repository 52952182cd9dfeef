package org.wenzheng.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.CitizenBrowser;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * Generated hostile input (jqwik's generators: control characters, NUL bytes, unpaired surrogates, broken
 * encodings, huge and negative numbers, exponents, dates of year 999999999, separators only, Markdown and HTML,
 * ideographic spaces, very long text, wrong JSON types) thrown at every endpoint that takes a body or parameters:
 * our API, the citizens' form, Open311, the calendar preview, Camunda's REST API. Never a 5xx; a refusal is a clear
 * 4xx (problem+json on the APIs), and nothing is stored on refusal.
 */
@WenzhengTest
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRIES = Integer.getInteger("hostile.tries", 60);

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired JdbcClient jdbc;

  /** Text a person would not type, and text that tests the edges of what they might. */
  static Arbitrary<String> hostileText() {
    Arbitrary<String> control = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1)
        .ofMaxLength(5).map(s -> "路灯" + s + "不亮");
    Arbitrary<String> surrogates = Arbitraries.of("\uD800", "\uDFFF", "a\uD83Db", "\uFFFD", "\u0000", "\u007f");
    Arbitrary<String> numbers = Arbitraries.of("1E+2147483647", "-1E+2147483647", "-5", "0", "999999999999999999999",
        "NaN", "Infinity", "0x1F", "+999999999-01-01T00:00:00+08:00", "-999999999-01-01T00:00:00Z", ",,,,", "%00",
        "%zz", "../../etc/passwd", "P99999D", "PT-1H", "P3660D");
    Arbitrary<String> markup = Arbitraries.of("[点我](http://evil.example)", "<script>alert(1)</script>",
        "{{7*7}}", "${7*7}", "#{7*7}", "'; drop table appeal; --", "\"\\", "\u3000\u3000\u3000", " ", "");
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> longText = Arbitraries.strings().withCharRange('一', '龥').ofMinLength(2000)
        .ofMaxLength(12000);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, control), net.jqwik.api.Tuple.of(2, surrogates), net.jqwik.api.Tuple.of(3, numbers),
        net.jqwik.api.Tuple.of(2, markup), net.jqwik.api.Tuple.of(3, unicode), net.jqwik.api.Tuple.of(1, longText));
  }

  /** A JSON value in the wrong shape as often as the right one. */
  static Arbitrary<Object> hostileJsonValue() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, hostileText().map(s -> (Object) s)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(i -> (Object) i)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of("a", "b")).map(l -> (Object) l)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Map.of("x", 1)).map(m -> (Object) m)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(1e308).map(d -> (Object) d)));
  }

  private static <T> List<T> sample(Arbitrary<T> arbitrary, int n) {
    return arbitrary.sampleStream().limit(n).toList();
  }

  @Test
  void shouldNeverAnswer5xxToTheIntakeApiAndStoreNothingItRefuses() throws Exception {
    Api api = new Api(port);
    SoftAssertions softly = new SoftAssertions();
    List<String> fields = List.of("channel", "channelMessageId", "title", "content", "appealType", "mailbox",
        "citizen.name", "citizen.phone", "citizen.email", "location.district", "location.street",
        "location.address", "urgent", "publishable");
    Random random = new Random(11);
    for (Object hostile : sample(hostileJsonValue(), TRIES * 2)) {
      String field = fields.get(random.nextInt(fields.size()));
      Map<String, Object> body = validSubmission();
      put(body, field, hostile);
      long before = appeals();
      Api.Response r = api.post("/api/appeals", "intake", JSON.writeValueAsString(body));
      String what = "POST /api/appeals " + field + "=" + printable(hostile) + " -> " + r.status() + " " + r.body();
      softly.assertThat(r.status()).as(what).isIn(200, 201, 400, 409, 413, 415, 422);
      if (r.status() >= 400) {
        softly.assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        softly.assertThat(appeals()).as("stored although refused: " + what).isEqualTo(before);
      }
    }
    softly.assertAll();
  }

  @Test
  void shouldNeverAnswer5xxToTheCitizensForm() {
    SoftAssertions softly = new SoftAssertions();
    List<String> fields = List.of("title", "content", "district", "street", "address", "name", "phone", "email",
        "mailbox", "appealType", "submissionId", "publishable");
    Random random = new Random(13);
    int n = 0;
    for (String hostile : sample(hostileText(), TRIES)) {
      CitizenBrowser client = new CitizenBrowser(port, "10.9." + (n / 200) + "." + (n++ % 200));
      Matcher submission = Pattern.compile("name=\"submissionId\" value=\"([^\"]*)\"").matcher(client.get("/").body());
      Map<String, String> form = new LinkedHashMap<>(Map.of("title", "路灯不亮", "content", "双桥路路灯坏了两周，晚上很黑。",
          "district", "成华区", "phone", "13800001234", "submissionId", submission.find() ? submission.group(1) : ""));
      String field = fields.get(random.nextInt(fields.size()));
      form.put(field, hostile);
      long before = appeals();
      HttpResponse<String> r = client.post("/appeals", form, true);
      String what = "POST /appeals " + field + "=" + printable(hostile) + " -> " + r.statusCode();
      softly.assertThat(r.statusCode()).as(what).isIn(200, 302, 400, 413, 429);
      if (r.statusCode() >= 400) {
        softly.assertThat(appeals()).as("stored although refused: " + what).isEqualTo(before);
      }
    }
    softly.assertAll();
  }

  @Test
  void shouldNeverAnswer5xxToOpen311() {
    Api api = new Api(port);
    String key = api.post("/api/open311/clients", "admin", "{\"name\":\"hostile\"}").json().get("apiKey").asText();
    SoftAssertions softly = new SoftAssertions();
    List<String> readParams = List.of("lat", "long", "start_date", "end_date", "service_request_id", "status",
        "service_code", "jurisdiction_id");
    List<String> createParams = List.of("service_code", "description", "lat", "long", "address_string", "email",
        "first_name", "last_name", "phone", "device_id", "account_id", "attribute[x]");
    Random random = new Random(17);
    for (String hostile : sample(hostileText(), TRIES)) {
      String read = readParams.get(random.nextInt(readParams.size()));
      Api.Response r = api.get("/open311/v2/requests.json?" + enc(read) + "=" + enc(hostile), null);
      softly.assertThat(r.status()).as("GET requests " + read + "=" + printable(hostile) + " -> " + r.body())
          .isIn(200, 400, 404);
      String create = createParams.get(random.nextInt(createParams.size()));
      Map<String, String> form = new LinkedHashMap<>(Map.of("api_key", key, "service_code", "COMPLAINT",
          "description", "双桥路路灯坏了两周", "lat", "30.66", "long", "104.12", "phone", "13800001234"));
      form.put(create, hostile);
      long before = appeals();
      Api.Response c = api.postForm("/open311/v2/requests.json", form);
      softly.assertThat(c.status()).as("POST requests " + create + "=" + printable(hostile) + " -> " + c.body())
          .isIn(200, 201, 400, 403, 404);
      if (c.status() >= 400) {
        softly.assertThat(appeals()).as("stored although refused: " + create + "=" + printable(hostile))
            .isEqualTo(before);
      }
    }
    softly.assertAll();
  }

  @Test
  void shouldNeverAnswer5xxToTheCalendarPreviewOrCamundasQueriesOrCompletions() throws Exception {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    String task = scenario.task(appeal).getId();
    Api api = new Api(port);
    SoftAssertions softly = new SoftAssertions();
    Random random = new Random(19);
    for (String hostile : sample(hostileText(), TRIES)) {
      String param = List.of("from", "duration", "basis").get(random.nextInt(3));
      Map<String, String> q = new LinkedHashMap<>(Map.of("from", "2026-02-13T19:00:00+08:00", "duration", "P1D",
          "basis", "WORKING"));
      q.put(param, hostile);
      Api.Response r = api.get("/api/calendar/deadline?" + query(q), "dispatcher");
      softly.assertThat(r.status()).as("deadline " + param + "=" + printable(hostile) + " -> " + r.body())
          .isIn(200, 400);

      String paging = List.of("firstResult", "maxResults").get(random.nextInt(2));
      Api.Response t = api.get("/engine-rest/task?" + enc(paging) + "=" + enc(hostile), "cgw1");
      softly.assertThat(t.status()).as("task query " + paging + "=" + printable(hostile) + " -> " + t.body())
          .isIn(200, 400);

      Api.Response c = api.post("/engine-rest/task/" + task + "/complete", "cgw1",
          "{\"variables\":{\"note\":{\"value\":" + JSON.writeValueAsString(hostile) + "}}}");
      softly.assertThat(c.status()).as("complete with " + printable(hostile) + " -> " + c.body()).isEqualTo(400);
    }
    for (String body : List.of("null", "{", "[]", "{\"variables\":{\"x\":null}}",
        "{\"variables\":{\"x\":{\"value\":\"<a/>\",\"type\":\"Xml\"}}}",
        "{\"variables\":{\"x\":{\"value\":\"rO0ABXQAAWE=\",\"type\":\"Object\",\"valueInfo\":{"
            + "\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
            + "\"application/x-java-serialized-object\"}}}}")) {
      Api.Response c = api.post("/engine-rest/task/" + task + "/complete", "cgw1", body);
      softly.assertThat(c.status()).as("complete with body " + body + " -> " + c.body()).isBetween(400, 499);
    }
    softly.assertAll();
    // Nothing was completed.
    assertThat(scenario.task(appeal).getId()).isEqualTo(task);
  }

  @Test
  void shouldAnswerTooLargeAndMalformedRequestsInTheCallersLanguage() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> nul = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/appeals/%00")).header("Authorization", "Basic aW50YWtlOmRlbW8=").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(nul.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

    String tenMegabytes = "content=" + enc("路".repeat(10 * 1024 * 1024 / 9));
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/appeals"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(tenMegabytes)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(413);
    assertThat(form.body()).contains("提交的内容过长");

    Api.Response api = new Api(port).post("/api/appeals", "intake", "{\"content\":\"" + "a".repeat(2_000_000)
        + "\"}");
    assertThat(api.status()).isEqualTo(413);
    assertThat(api.contentType()).startsWith("application/problem+json");
  }

  private long appeals() {
    return jdbc.sql("select count(*) from appeal").query(Long.class).single();
  }

  private static Map<String, Object> validSubmission() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "WECHAT");
    body.put("channelMessageId", "hostile-" + UUID.randomUUID());
    body.put("title", "路灯不亮");
    body.put("content", "成华区双桥路路灯坏了两周，晚上很黑。");
    body.put("citizen", new LinkedHashMap<>(Map.of("name", "李四", "phone", "13800001234")));
    body.put("location", new LinkedHashMap<>(Map.of("district", "成华区", "street", "双桥子街道")));
    return body;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> body, String path, Object value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      body.put(path, value);
    } else {
      ((Map<String, Object>) body.get(path.substring(0, dot))).put(path.substring(dot + 1), value);
    }
  }

  private static String printable(Object o) {
    String s = String.valueOf(o);
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(40).forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c)
        ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
    return out + (s.length() > 40 ? "…(" + s.length() + ")" : "");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String query(Map<String, String> q) {
    return q.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }
}
