package org.wenzheng.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Engine work the system does on behalf of a rule, not of the user whose action triggered it: a supervisor's notice
 * moves the unit's task due date, a unit's completion ends a supervision case, a dispatch grants the unit read
 * access. The user may not do these things themselves, so they run without authorization checks, inside the
 * triggering step's transaction. Use it for exactly such follow-ups; never to widen what a user may do directly.
 */
@Component
@NamedInterface("access")
public class SystemActions {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engine;

  SystemActions(IdentityService identityService, ProcessEngineConfigurationImpl engine) {
    this.identityService = identityService;
    this.engine = engine;
  }

  /**
   * Engine work that our own code has already authorized the user for (a channel adapter registering an appeal was
   * let in by the HTTP layer's role check): the engine skips its own authorization queries, still records the user in
   * its operation log, and still creates the grants that new tasks give their candidate groups.
   */
  public <T> T authorized(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(work::get);
    }
    return engine.getCommandExecutorTxRequired().execute(c -> c.runWithoutAuthorization(work::get));
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  public <T> T call(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(work::get);
    }
    Authentication saved = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (saved != null) {
        identityService.setAuthentication(saved);
      }
    }
  }
}
