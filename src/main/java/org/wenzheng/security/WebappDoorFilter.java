package org.wenzheng.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wenzheng.web.ProblemResponses;

/**
 * The webapps' own REST API ({@code /camunda/api/**}, what Tasklist, Cockpit and Admin call after their login) under
 * the same rules as {@code /engine-rest}: {@link EngineDoor} for the engine's API, and around it
 * <ul>
 *   <li>the login form: throttled like HTTP Basic ({@link LoginThrottle}, 429 with {@code Retry-After}), and closed to
 *   channel accounts ({@code intake}), which have no business in Tasklist or Cockpit;</li>
 *   <li>the webapps' plugin APIs: auditors only read (Cockpit's queries are POSTs of a query, nothing else is), only
 *   administrators change anything through Admin's.</li>
 * </ul>
 */
class WebappDoorFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$");
  private static final Pattern LOGOUT = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout$");
  /** Cockpit's plugin queries are POSTs that only read. */
  private static final Pattern COCKPIT_QUERY = Pattern.compile("^/camunda/api/cockpit/plugin/.+$");

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final EngineDoorFilter engineDoor;

  WebappDoorFilter(IdentityService identityService, LoginThrottle throttle, ObjectMapper json,
      EngineDoorFilter engineDoor) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.json = json;
    this.engineDoor = engineDoor;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = EngineDoorFilter.pathWithinApplication(request);
    if (!path.startsWith("/camunda/api/")) {
      chain.doFilter(request, response);
      return;
    }
    if ("POST".equals(request.getMethod()) && LOGIN.matcher(path).matches()) {
      login(request, response, chain);
      return;
    }
    Optional<EngineDoorFilter.Caller> caller = caller(request);
    if (caller.isPresent() && !LOGOUT.matcher(path).matches() && !allowedOutsideEngine(request.getMethod(), path,
        caller.get().groups())) {
      ProblemResponses.write(response, json, HttpStatus.FORBIDDEN,
          "无权执行此操作 (not permitted for your role)", request.getRequestURI());
      return;
    }
    // The engine's API behind the webapps: the same door as /engine-rest.
    engineDoor.doFilter(bounded(request, path), response, chain);
  }

  /** A list the webapps ask for without a page size, e.g. Cockpit's versions of a process definition. */
  private static final Pattern UNBOUNDED_LIST = Pattern.compile(
      "^/camunda/api/engine/engine/[^/]+/(process-definition|decision-definition|decision-requirements-definition"
          + "|deployment|process-instance|task|history/process-instance|history/task|history/activity-instance"
          + "|history/variable-instance|history/decision-instance|incident|job|job-definition|group|user)$");

  /**
   * The engine refuses a list without {@code maxResults} (query-max-results-limit), and some of Cockpit's own
   * requests send none (the versions of a process, on every process page): they are answered with the first
   * {@value #WEBAPP_PAGE} results instead of failing. Clients of {@code /engine-rest} still page explicitly.
   */
  static final int WEBAPP_PAGE = 2000;

  private static HttpServletRequest bounded(HttpServletRequest request, String path) {
    if (!EngineDoor.reads(request.getMethod()) || request.getParameter("maxResults") != null
        || !UNBOUNDED_LIST.matcher(path).matches()) {
      return request;
    }
    String query = request.getQueryString();
    String boundedQuery = (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + WEBAPP_PAGE;
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getQueryString() {
        return boundedQuery;
      }

      @Override
      public String getParameter(String name) {
        return "maxResults".equals(name) ? String.valueOf(WEBAPP_PAGE) : super.getParameter(name);
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
        map.put("maxResults", new String[] {String.valueOf(WEBAPP_PAGE)});
        return Collections.unmodifiableMap(map);
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
      }

      @Override
      public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
      }
    };
  }

  /** The webapps' own APIs (not the engine's): which a logged-in user may call. */
  private static boolean allowedOutsideEngine(String method, String path, List<String> groups) {
    if (groups.contains(Groups.ADMIN)) {
      return true;
    }
    if (groups.isEmpty() || Groups.onlyIn(groups, Groups.INTAKE)) {
      return false;
    }
    if (path.startsWith("/camunda/api/engine/")) {
      return true;
    }
    boolean read = EngineDoor.reads(method) || ("POST".equals(method) && COCKPIT_QUERY.matcher(path).matches());
    if (read) {
      return true;
    }
    if (path.startsWith("/camunda/api/admin/")) {
      return false;
    }
    return !Groups.onlyIn(groups, Groups.AUDIT);
  }

  private void login(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String user = request.getParameter("username");
    String address = request.getRemoteAddr();
    OptionalLong wait = throttle.waitBeforeTrying(user, address);
    if (wait.isPresent()) {
      SecurityConfiguration.writeThrottled(response, json, wait.getAsLong(), request.getRequestURI());
      return;
    }
    if (user != null && isChannelAccount(user)) {
      ProblemResponses.write(response, json, HttpStatus.FORBIDDEN,
          "渠道账号不能登录业务系统 (channel accounts cannot log in here)", request.getRequestURI());
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
        || response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
      throttle.failed(user, address);
    }
  }

  private boolean isChannelAccount(String user) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    return Groups.onlyIn(groups, Groups.INTAKE);
  }

  /** The user logged in to the webapps in this session, if any. */
  static Optional<EngineDoorFilter.Caller> caller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null) {
      return Optional.empty();
    }
    return auths.getAuthentications().stream().findFirst().map(a -> new EngineDoorFilter.Caller(a.getIdentityId(),
        groupsOf(a)));
  }

  private static List<String> groupsOf(UserAuthentication a) {
    return a.getGroupIds() == null ? List.of() : List.copyOf(a.getGroupIds());
  }
}
