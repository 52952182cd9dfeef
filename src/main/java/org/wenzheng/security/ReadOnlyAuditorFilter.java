package org.wenzheng.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wenzheng.web.ProblemResponses;

/**
 * Auditors read everything and change nothing: for a user whose only role is {@code audit}, every request other than
 * GET, HEAD or OPTIONS is refused with 403 before it reaches our API or Camunda's, whatever the engine's
 * authorizations would say. On Camunda's REST API, {@link EngineDoor} decides the same (its POST queries read).
 */
class ReadOnlyAuditorFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  ReadOnlyAuditorFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof StaffUser user && isAuditorOnly(user)
        && !EngineDoor.reads(request.getMethod()) && !isEngineApi(request)) {
      ProblemResponses.write(response, json, HttpStatus.FORBIDDEN, "审计人员只能查看，不能修改 (read only)",
          request.getRequestURI());
      return;
    }
    chain.doFilter(request, response);
  }

  /** Camunda's REST API decides for itself ({@link EngineDoor}): auditors may also run its POST queries there. */
  private static boolean isEngineApi(HttpServletRequest request) {
    return EngineDoor.enginePath(EngineDoorFilter.pathWithinApplication(request)) != null;
  }

  /** In {@code audit} and in no other role or unit that could act. */
  static boolean isAuditorOnly(StaffUser user) {
    return Groups.onlyIn(user.groups(), Groups.AUDIT);
  }
}
