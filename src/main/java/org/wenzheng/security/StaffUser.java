package org.wenzheng.security;

import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The member of staff behind the current request: a Camunda user, with the groups they belong to and the unit
 * (a group that is not a role) they work for, if any.
 */
@NamedInterface("roles")
public record StaffUser(String id, List<String> groups, String unitCode) {

  public boolean isIn(String group) {
    return groups.contains(group);
  }

  public boolean isInAny(String... candidates) {
    for (String g : candidates) {
      if (groups.contains(g)) {
        return true;
      }
    }
    return false;
  }

  /** The authenticated staff user of this request, if any. */
  public static Optional<StaffUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof StaffUser user) {
      return Optional.of(user);
    }
    return Optional.empty();
  }
}
