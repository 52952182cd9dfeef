package org.wenzheng.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

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
    Caller c = who.get();
    EngineDoor.Decision decision = EngineDoor.decide(request.getMethod(), path, c.groups());
    if (decision == EngineDoor.Decision.OWN_TASK && worksOn(c, path.split("/")[2])) {
      decision = EngineDoor.Decision.ALLOW;
    }
    if (decision != EngineDoor.Decision.ALLOW) {
      log.info("Refused {} {} for {}", request.getMethod(), path, c.id());
      SecurityConfiguration.writeProblem(response, json, HttpStatus.FORBIDDEN,
          "无权执行此操作 (not permitted for your role)", request.getRequestURI());
      return;
    }
    chain.doFilter(request, response);
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
