package org.wenzheng.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.support.WenzhengTest;

/**
 * The webapps' cookies and headers: the session and CSRF cookies are SameSite=Strict, said once; pages send a
 * referrer policy, so that no address of the webapps leaks to another site.
 */
@WenzhengTest
class WebappCookiesTest {

  @LocalServerPort int port;

  @Test
  void shouldSendStrictCookiesOnceAndAReferrerPolicy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

    HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString());
    List<String> cookies = api.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("SameSite=Strict"));
    assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty().allSatisfy(c -> {
      assertThat(c).containsIgnoringCase("SameSite=Strict").contains("HttpOnly");
      assertThat(c.toLowerCase().split("samesite", -1)).hasSize(2);
    });
  }
}
