package org.wenzheng.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The citizens' pages as a browser uses them, without the browser: keeps its session cookie, sends the CSRF token of
 * the last page it read, and comes from its own address (X-Forwarded-For, believed from loopback).
 */
public final class CitizenBrowser {

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;
  private final String address;
  private String csrf = "";

  public CitizenBrowser(int port, String address) {
    this.port = port;
    this.address = address;
  }

  /** Reads a page, keeping the CSRF token of its form. */
  public HttpResponse<String> get(String path) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  /** Posts a form, with the token of the last page read or (to forge a request) without it. */
  public HttpResponse<String> post(String path, Map<String, String> form, boolean withToken) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (withToken) {
      fields.put("_csrf", csrf);
    }
    String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.header("X-Forwarded-For", address).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
