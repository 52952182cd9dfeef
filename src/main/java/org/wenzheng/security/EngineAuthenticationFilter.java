package org.wenzheng.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the process engine for the length of the request, as Camunda's own
 * ProcessEngineAuthenticationFilter does: the engine then checks its authorizations for that user and writes the
 * user into its operation log.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    StaffUser user = StaffUser.current().orElse(null);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(user.id(), user.groups(), List.of());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
