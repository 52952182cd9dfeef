package org.wenzheng.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Unit;
import org.wenzheng.security.Groups;

/**
 * Brings Camunda's identity, authorizations and Tasklist filters in line with the directory at every start, in every
 * profile: each unit is a group, each role a group, and each group gets what its work needs and nothing more.
 * Idempotent: it only adds what is missing.
 */
@Component
@Order(10)
class CamundaSetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CamundaSetup.class);

  static final String FILTER_UNIT_TASKS = "本部门待办";
  static final String FILTER_MY_TASKS = "我的任务";
  static final String FILTER_DUE_SOON = "即将超期";
  static final String FILTER_OVERDUE = "已超期";

  private static final Map<String, String> ROLE_NAMES = Map.of(
      Groups.INTAKE, "渠道接入",
      Groups.DISPATCH, "调度中心",
      Groups.SUPERVISION, "督查室",
      Groups.AUDIT, "审计",
      Groups.LEADERS, "单位领导",
      Groups.PROCESS_OWNERS, "流程管理员");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final Directory directory;

  CamundaSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, Directory directory) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    ROLE_NAMES.forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
    List<Unit> units = directory.units();
    units.forEach(u -> ensureGroup(u.code(), u.name(), "UNIT"));
    units.forEach(u -> ensureGroup(Groups.leadersOf(u.code()), u.name() + "领导", "UNIT_LEADERS"));
    grantRoles();
    units.forEach(u -> grantUnit(u.code()));
    ensureFilters();
    log.info("Camunda groups, authorizations and Tasklist filters match the directory ({} units)", units.size());
  }

  private void ensureGroup(String id, String name, String type) {
    Group existing = identityService.createGroupQuery().groupId(id).singleResult();
    if (existing == null) {
      Group g = identityService.newGroup(id);
      g.setName(name);
      g.setType(type);
      identityService.saveGroup(g);
    } else if (!name.equals(existing.getName())) {
      existing.setName(name);
      identityService.saveGroup(existing);
    }
  }

  private void grantRoles() {
    // Channel adapters and hotline operators start appeals (only through intake: the process refuses others).
    for (String g : List.of(Groups.INTAKE, Groups.DISPATCH)) {
      grant(g, Resources.PROCESS_DEFINITION, AppealProcess.PROCESS_ID, Permissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    grant(Groups.INTAKE, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    grant(Groups.DISPATCH, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // The dispatch centre works on every appeal: it reads every instance (Tasklist's variable columns need it).
    grant(Groups.DISPATCH, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE,
        ProcessInstancePermissions.READ);
    // Its decisions (a redo, a rejected return) may call these processes; the engine checks READ on what is called.
    for (String called : List.of("Supervision", "Accountability", "ExtensionRequest")) {
      grant(Groups.DISPATCH, Resources.PROCESS_DEFINITION, called, Permissions.READ);
    }
    // The supervision office watches every appeal; it acts through its own tasks (candidate group).
    grant(Groups.SUPERVISION, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.SUPERVISION, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    readEverything(Groups.SUPERVISION);
    // Auditors read every step and can change nothing.
    grant(Groups.AUDIT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    readEverything(Groups.AUDIT);
    grant(Groups.LEADERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Process owners deploy changed models (checked and journalled by the engine's deployment guard), read what is
    // deployed and running, preview rules against past decisions and migrate running instances in batches.
    grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    readEverything(Groups.PROCESS_OWNERS);
    grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
    grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(Groups.PROCESS_OWNERS, Resources.BATCH, "*", BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
        Permissions.READ, Permissions.READ_HISTORY);
  }

  private void readEverything(String group) {
    grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
    grant(group, Resources.TASK, "*", TaskPermissions.READ);
    grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    // The units' names (the directory's, public): Cockpit names the groups tasks wait for by them, not by codes.
    grant(group, Resources.GROUP, "*", Permissions.READ);
  }

  /** A unit works its own tasks (granted per task through its candidate group) and reads the Appeal model. */
  private void grantUnit(String unit) {
    grant(unit, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(unit, Resources.PROCESS_DEFINITION, AppealProcess.PROCESS_ID, Permissions.READ);
    String leaders = Groups.leadersOf(unit);
    grant(leaders, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String process : List.of(AppealProcess.PROCESS_ID, "ExtensionRequest", "Accountability")) {
      grant(leaders, Resources.PROCESS_DEFINITION, process, Permissions.READ);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizationService.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (auth == null) {
      auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = auth.getId() == null;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(auth);
    }
  }

  private void ensureFilters() {
    TaskQuery unitTasks = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .orderByDueDate().asc().orderByTaskCreateTime().asc();
    ensureFilter(FILTER_UNIT_TASKS, "本单位（本组）所有待办诉求，按期限排序", "#b71c1c", -10, unitTasks);
    TaskQuery myTasks = taskService.createTaskQuery()
        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc().orderByTaskCreateTime().asc();
    ensureFilter(FILTER_MY_TASKS, "我已认领的任务", "#1565c0", -5, myTasks);
    TaskQuery dueSoon = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .dueAfterExpression("${now()}").dueBeforeExpression("${workingTime.fromNow('PT2H')}")
        .orderByDueDate().asc();
    ensureFilter(FILTER_DUE_SOON, "两个工作小时内到期的本单位任务", "#ef6c00", -8, dueSoon);
    TaskQuery overdue = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .dueBeforeExpression("${now()}").orderByDueDate().asc();
    ensureFilter(FILTER_OVERDUE, "已过期限仍未完成的本单位任务", "#6a1b9a", -9, overdue);
  }

  private void ensureFilter(String name, String description, String color, int priority, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "description", description,
        "color", color,
        "priority", priority,
        "refresh", true,
        "showUndefinedVariable", false,
        "variables", new ArrayList<>(List.of(
            Map.of("name", AppealProcess.VAR_TRACKING_NUMBER, "label", "受理编号"),
            Map.of("name", AppealProcess.VAR_TITLE, "label", "标题"),
            Map.of("name", AppealProcess.VAR_DEPARTMENT_NAME, "label", "承办单位"),
            Map.of("name", AppealProcess.VAR_RESOLUTION_DUE_AT, "label", "办结期限")))));
    filterService.saveFilter(filter);
    // Every member of staff may use the shared filters; what they show is still limited by task permissions.
    Authorization read = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter.getId()).userIdIn(Authorization.ANY).singleResult();
    if (read == null) {
      read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      read.setUserId(Authorization.ANY);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
