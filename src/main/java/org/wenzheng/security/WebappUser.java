package org.wenzheng.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** The member of staff logged in to Camunda's webapps in this request's session (their login, not HTTP Basic). */
@NamedInterface("roles")
public final class WebappUser {

  private WebappUser() {
  }

  public static Optional<String> of(HttpServletRequest request) {
    return WebappDoorFilter.caller(request).map(EngineDoorFilter.Caller::id);
  }
}
