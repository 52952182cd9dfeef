package org.wenzheng.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Camunda's webapps, without the browser: logs in as Tasklist's login page does (the
 * webapps' own REST API, its session cookie and its CSRF token) and then calls {@code /camunda/api/...} as Tasklist
 * and Cockpit do.
 */
public final class WebappSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A fresh session (not logged in yet) holding the CSRF token the webapps hand out on their first answer. */
  public static WebappSession open(int port) {
    WebappSession s = new WebappSession(port);
    s.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return s;
  }

  /** Logs in to the given app ({@code tasklist}, {@code cockpit}, {@code admin}); answers the login's status. */
  public int login(String user, String password, String app) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    int status = send("POST", "/camunda/api/admin/auth/user/default/login/" + app, form,
        "application/x-www-form-urlencoded").status();
    // A login starts a new session with a new CSRF token, which the webapps hand out on the next GET.
    send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return status;
  }

  public Api.Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json");
    if (csrf != null) {
      b.header("X-XSRF-TOKEN", csrf);
    }
    if (body != null) {
      b.header("Content-Type", contentType == null ? "application/json" : contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      r.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
      for (HttpCookie c : cookies.getCookieStore().getCookies()) {
        if (c.getName().equals("XSRF-TOKEN")) {
          csrf = c.getValue();
        }
      }
      return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
          r.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
