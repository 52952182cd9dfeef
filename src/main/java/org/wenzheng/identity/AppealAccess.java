package org.wenzheng.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Read access to one appeal's process instance for the unit that holds it. Candidate groups already give a unit its
 * tasks; reading the instance's variables (the 受理编号 and 标题 columns of Tasklist's lists) needs READ on the
 * instance itself, which units get for exactly the appeals dispatched to them, never for all. The grants go when the
 * appeal is archived. Called from process steps: the step's user (a dispatcher) may not manage authorizations, so
 * the change runs without authorization checks, inside the step's transaction.
 */
@Component
@NamedInterface("access")
public class AppealAccess {

  private final AuthorizationService authorizationService;
  private final SystemActions system;

  AppealAccess(AuthorizationService authorizationService, SystemActions system) {
    this.authorizationService = authorizationService;
    this.system = system;
  }

  public void grantUnitRead(String processInstanceId, String unitCode) {
    system.run(() -> {
      Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(unitCode)
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).singleResult();
      if (existing == null) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(unitCode);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(processInstanceId);
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    });
  }

  public void revokeAll(String processInstanceId) {
    system.run(() -> authorizationService.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId())));
  }
}
