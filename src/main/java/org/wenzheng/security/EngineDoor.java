package org.wenzheng.security;

import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a member of staff may ask of Camunda's REST API, the same at both of its doors: {@code /engine-rest} (HTTP
 * Basic) and {@code /camunda/api/engine} (the webapps' session, as Tasklist and Cockpit use it). The engine's own
 * authorizations then decide on the single task, instance or definition; this decides on the kind of request, before
 * the engine runs anything, so that a refused call changes nothing (Camunda spends a job's retry even when it refuses
 * to execute it).
 *
 * <p>The model (README, "Who may do what"):
 * <ul>
 *   <li>Administrators: everything.</li>
 *   <li>Channel accounts ({@code intake} only): nothing.</li>
 *   <li>Jobs, job definitions, batches, history cleanup, external tasks, metrics and the schema log: read by the
 *   supervision office and auditors, changed only by administrators.</li>
 *   <li>Auditors change nothing: besides reading, only the queries Camunda offers as POST.</li>
 *   <li>Process owners deploy models ({@code POST /deployment/create}); the engine checks and journals each
 *   deployment (DeploymentGuard). Migrations go through {@code /api/process-migrations}, which checks and journals
 *   them, not through the engine's own migration endpoints.</li>
 *   <li>Staff work on tasks (claim, complete with the form's values, comment on their own task); variables, process
 *   instances, definitions, deployments, messages, signals and history are changed by the process and by
 *   administrators, never directly by a task user.</li>
 * </ul>
 */
final class EngineDoor {

  /** The answer for one request. */
  enum Decision {
    ALLOW,
    DENY,
    /** Allowed if the user works on the task named in the path: assignee, or in one of its candidate groups. */
    OWN_TASK
  }

  /** The engine's housekeeping: read by supervision and audit, changed by administrators. */
  private static final Pattern HOUSEKEEPING = Pattern.compile(
      "^/(job|job-definition|batch|external-task|metrics|schema|telemetry|history/cleanup|history/batch"
          + "|history/job-log|history/external-task-log)(/.*)?$");

  /** POST requests that only read: Camunda's queries with a body. */
  private static final Pattern QUERY = Pattern.compile(
      "^/(task|process-instance|execution|variable-instance|job|job-definition|external-task|case-instance"
          + "|case-execution|event-subscription|incident|batch|process-definition|decision-definition|group"
          + "|history/(activity-instance|case-activity-instance|case-instance|decision-instance|detail"
          + "|external-task-log|identity-link-log|incident|job-log|process-instance|task|user-operation"
          + "|variable-instance|batch))(/count)?$"
          + "|^/filter/[^/]+/(list|count)$");

  /**
   * Changes a task user may make: take, give back and complete a task (with the values its form declares, checked
   * by the engine), and their own Tasklist filters and password. Not: variables, candidate groups, delegation,
   * BPMN errors (they carry variables), standalone tasks.
   */
  private static final Pattern TASK_WORK = Pattern.compile(
      "^/task/[^/]+/(claim|unclaim|complete|submit-form|assignee)$"
          + "|^/filter/create$|^/filter/[^/]+$"
          + "|^/user/[^/]+/credentials$");

  /** A task's own fields (name, due and follow-up dates): PUT only, the engine checks the task's UPDATE. */
  private static final Pattern TASK_UPDATE = Pattern.compile("^/task/(?!create$)[^/]+$");

  /** Comments and attachments: only on a task the user works on. */
  private static final Pattern TASK_NOTE = Pattern.compile("^/task/[^/]+/(comment|attachment)/create$");

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private EngineDoor() {
  }

  /**
   * @param method the HTTP method
   * @param path the path below the engine's root, e.g. {@code /task/abc/complete} (without {@code /engine-rest},
   *     {@code /engine/{name}} or {@code /camunda/api/engine/engine/{name}})
   * @param groups the user's groups
   */
  static Decision decide(String method, String path, Collection<String> groups) {
    if (groups.contains(Groups.ADMIN)) {
      return Decision.ALLOW;
    }
    if (groups.isEmpty() || Groups.onlyIn(groups, Groups.INTAKE)) {
      return Decision.DENY;
    }
    boolean read = reads(method) || ("POST".equals(method) && QUERY.matcher(path).matches());
    boolean readsEverything = groups.contains(Groups.SUPERVISION) || groups.contains(Groups.AUDIT)
        || groups.contains(Groups.PROCESS_OWNERS);
    if (HOUSEKEEPING.matcher(path).matches()) {
      return read && readsEverything ? Decision.ALLOW : Decision.DENY;
    }
    if (read) {
      return Decision.ALLOW;
    }
    if (Groups.onlyIn(groups, Groups.AUDIT)) {
      return Decision.DENY;
    }
    if (groups.contains(Groups.PROCESS_OWNERS) && "POST".equals(method) && path.equals("/deployment/create")) {
      return Decision.ALLOW;
    }
    if (TASK_NOTE.matcher(path).matches()) {
      return Decision.OWN_TASK;
    }
    if (TASK_WORK.matcher(path).matches() || ("PUT".equals(method) && TASK_UPDATE.matcher(path).matches())) {
      return Decision.ALLOW;
    }
    return Decision.DENY;
  }

  /** GET, HEAD and OPTIONS: methods that only read, at every door. */
  static boolean reads(String method) {
    return READS.contains(method);
  }

  /**
   * The path below the engine's root for a request to {@code /engine-rest/...} or {@code /camunda/api/engine/...};
   * null for a path outside the engine's REST API or for the list of engines itself.
   */
  static String enginePath(String pathWithinApplication) {
    String p = pathWithinApplication;
    if (p.startsWith("/engine-rest")) {
      p = p.substring("/engine-rest".length());
      if (p.startsWith("/engine/")) {
        int slash = p.indexOf('/', "/engine/".length());
        p = slash < 0 ? "" : p.substring(slash);
      } else if (p.equals("/engine")) {
        p = "";
      }
    } else if (p.startsWith("/camunda/api/engine/engine/")) {
      p = p.substring("/camunda/api/engine/engine/".length());
      int slash = p.indexOf('/');
      p = slash < 0 ? "" : p.substring(slash);
    } else {
      return null;
    }
    // Trailing and doubled slashes reach the same resource in Jersey: decide on the normalised path.
    p = p.replaceAll("/{2,}", "/");
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
