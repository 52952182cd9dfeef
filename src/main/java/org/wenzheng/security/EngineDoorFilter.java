package org.wenzheng.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wenzheng.web.ProblemResponses;

/**
 * Applies {@link EngineDoor} to a request for Camunda's REST API, whichever door it came through; the user comes
 * from HTTP Basic ({@code /engine-rest}) or from the webapps' session ({@code /camunda/api/engine}).
 */
class EngineDoorFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineDoorFilter.class);

  /** Who is asking: their id and groups. */
  record Caller(String id, List<String> groups) {
  }

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final Function<HttpServletRequest, Optional<Caller>> caller;

  EngineDoorFilter(ProcessEngine engine, ObjectMapper json, Function<HttpServletRequest, Optional<Caller>> caller) {
    this.engine = engine;
    this.json = json;
    this.caller = caller;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = EngineDoor.enginePath(pathWithinApplication(request));
    Optional<Caller> who = caller.apply(request);
    if (path == null || path.isEmpty() || who.isEmpty()) {
      // Not the engine's API, or nobody logged in: the door's own authentication answers (401, or the webapps'
      // login), and the engine refuses an anonymous caller everything that authorization protects.
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String paging = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
      if ((paging.equals("firstResult") || paging.equals("maxResults")) && !value.matches("\\d{1,9}")) {
        // Camunda's REST API answers a negative or malformed page with a 500.
        ProblemResponses.write(response, json, HttpStatus.BAD_REQUEST,
            paging + "：应为不小于 0 的整数 (must be a non-negative integer)", request.getRequestURI());
        return;
      }
    }
    Caller c = who.get();
    EngineDoor.Decision decision = EngineDoor.decide(request.getMethod(), path, c.groups());
    if (decision == EngineDoor.Decision.OWN_TASK && worksOn(c, path.split("/")[2])) {
      decision = EngineDoor.Decision.ALLOW;
    }
    if (decision != EngineDoor.Decision.ALLOW) {
      log.info("Refused {} {} for {}", request.getMethod(), path, c.id());
      ProblemResponses.write(response, json, HttpStatus.FORBIDDEN,
          "无权执行此操作 (not permitted for your role)", request.getRequestURI());
      return;
    }
    HttpServletRequest checked = request;
    if (hasJsonBody(request)) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      String problem = body.length > MAX_BODY ? null : problem(path, body, c.groups());
      if (body.length > MAX_BODY) {
        ProblemResponses.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE,
            "请求体超过 " + MAX_BODY / 1024 + " KB (request body too large)", request.getRequestURI());
        return;
      }
      if (problem != null) {
        ProblemResponses.write(response, json, HttpStatus.BAD_REQUEST, problem,
            request.getRequestURI());
        return;
      }
      checked = new CachedBodyRequest(request, body);
    }
    chain.doFilter(checked, response);
  }

  /** The largest JSON body the engine's API takes from staff (a completion, a query). */
  private static final int MAX_BODY = 1024 * 1024;

  /** Variable types a person's form produces; anything else (XML, Java serialization, files) is no form's. */
  private static final Set<String> FORM_TYPES = Set.of("string", "boolean", "integer",
      "long", "short", "double", "date", "null", "json");

  private static boolean hasJsonBody(HttpServletRequest request) {
    String type = request.getContentType();
    return ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) && type != null
        && type.toLowerCase(Locale.ROOT).contains("json");
  }

  /**
   * What Camunda's REST API would answer with a 500 and we answer with 400: a body that is not a JSON object, and
   * (for a completion by staff) a variable of a type that no form sends.
   */
  private String problem(String path, byte[] body, List<String> groups) {
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      // No body at all, as with claim or unclaim: the engine's API takes that.
      return null;
    }
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (IOException e) {
      return "请求体不是有效的 JSON (malformed JSON)";
    }
    if (tree == null || !tree.isObject()) {
      return "请求体应为 JSON 对象 (the body must be a JSON object)";
    }
    if (groups.contains(Groups.ADMIN) || !COMPLETION.matcher(path).matches()) {
      return null;
    }
    JsonNode variables = tree.get("variables");
    if (variables == null || variables.isNull()) {
      return null;
    }
    if (!variables.isObject()) {
      return "variables：应为 JSON 对象 (must be an object)";
    }
    for (var field : (Iterable<Map.Entry<String, JsonNode>>)
        variables::fields) {
      JsonNode v = field.getValue();
      if (!v.isObject()) {
        return field.getKey() + "：应为 {\"value\": …} (must be a typed value)";
      }
      String type = v.path("type").asText("").toLowerCase(Locale.ROOT);
      boolean jsonObject = type.equals("object")
          && "application/json".equals(v.path("valueInfo").path("serializationDataFormat").asText());
      if (!type.isEmpty() && !FORM_TYPES.contains(type) && !jsonObject) {
        return field.getKey() + "：表单不提交这种类型的值 (type " + v.path("type").asText() + " is not a form value)";
      }
    }
    return null;
  }

  private static final Pattern COMPLETION =
      Pattern.compile("^/task/[^/]+/(complete|submit-form)$");

  private static String decoded(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Assignee of the task, or in one of its candidate groups. */
  private boolean worksOn(Caller c, String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).or().taskAssignee(c.id())
        .taskCandidateGroupIn(c.groups()).endOr().count() > 0;
  }

  /** Decoded and normalised (Tomcat has already resolved dot segments and removed path parameters). */
  static String pathWithinApplication(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }
}
