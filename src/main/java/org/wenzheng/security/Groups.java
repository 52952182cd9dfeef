package org.wenzheng.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** The Camunda groups of the people who work in the system. Units are groups too: their id is the unit's code. */
@NamedInterface("roles")
public final class Groups {

  /** Channel adapters (service accounts) that submit appeals. */
  public static final String INTAKE = "intake";
  /** The dispatch centre (受理/调度): reviews, routes, reviews replies, makes return visits. */
  public static final String DISPATCH = "dispatch";
  /** The supervision office (督查室). */
  public static final String SUPERVISION = "supervision";
  /** Auditors: read everything, change nothing. */
  public static final String AUDIT = "audit";
  /** Leaders of units (members of their unit's group as well). */
  public static final String LEADERS = "leaders";
  /**
   * Process owners (流程管理员) of the supervision office: deploy changed models from Camunda Modeler (checked and
   * journalled), preview changed rules and move running instances to a new version.
   */
  public static final String PROCESS_OWNERS = "processowners";
  /** Camunda's administrators. */
  public static final String ADMIN = "camunda-admin";

  /** Groups that are roles, not units. */
  public static final Set<String> ROLES = Set.of(INTAKE, DISPATCH, SUPERVISION, AUDIT, LEADERS, PROCESS_OWNERS, ADMIN);

  /** Each unit's leaders form a group of their own, e.g. {@code cgwleaders}: they approve its extension requests. */
  public static final String UNIT_LEADERS_SUFFIX = "leaders";

  public static String leadersOf(String unitCode) {
    return unitCode + UNIT_LEADERS_SUFFIX;
  }

  /** The unit among a user's groups (a group that is neither a role nor a unit's leaders), or null. */
  public static String unitOf(java.util.Collection<String> groups) {
    return groups.stream()
        .filter(g -> !ROLES.contains(g)
            && !(g.endsWith(UNIT_LEADERS_SUFFIX) && g.length() > UNIT_LEADERS_SUFFIX.length()))
        .sorted().findFirst().orElse(null);
  }

  /** Whether {@code role} is the user's only group: a channel account ({@code intake}), a pure auditor. */
  public static boolean onlyIn(Collection<String> groups, String role) {
    return !groups.isEmpty() && groups.stream().allMatch(role::equals);
  }

  /** The Spring Security authority that stands for membership of a Camunda group. */
  public static String authority(String groupId) {
    return "GROUP_" + groupId;
  }

  private Groups() {
  }
}
