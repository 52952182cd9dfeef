package org.wenzheng.appeal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.modulith.NamedInterface;
import org.wenzheng.security.Groups;

/**
 * Who performs a step: the user the engine is acting for (set by Tasklist, by our REST filter, or by a test), with
 * the unit they work for; {@code system} for timers and background steps.
 */
@NamedInterface("steps")
public record Actor(String userId, String unitCode) {

  public static final Actor SYSTEM = new Actor("system", null);
  /** The citizen, who has no account: answers and ratings from the pages, signed links and channels. */
  public static final Actor CITIZEN = new Actor("citizen", null);

  public static Actor current(IdentityService identityService) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return SYSTEM;
    }
    List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    String unit = Groups.unitOf(groups);
    return new Actor(auth.getUserId(), unit);
  }
}
