package org.wenzheng.supervision;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.ClockStopped;
import org.wenzheng.identity.SystemActions;

/**
 * When a unit completes a step whose clock ran out, its supervision case learns it (met, or no notice needed any
 * more); when it finishes handling, a pending extension request is moot. Runs in the step's transaction, as the
 * system: the unit's handler may not touch supervision or approval processes.
 */
@Component
class StepCompletion {

  private final RuntimeService runtimeService;
  private final SystemActions system;
  private final ExtensionRequests extensions;

  StepCompletion(RuntimeService runtimeService, SystemActions system, ExtensionRequests extensions) {
    this.runtimeService = runtimeService;
    this.system = system;
    this.extensions = extensions;
  }

  /**
   * Only a clock that ran out can have a supervision case (the overdue mark starts it, and the mark stays on the
   * clock), and only an appeal with a pending request has an approval waiting: the engine is asked only then, not on
   * every acknowledgement and reply.
   */
  @EventListener
  void onClockStopped(ClockStopped stopped) {
    boolean supervised = stopped.overdue();
    boolean requested = stopped.kind() == ClockKind.RESOLUTION && extensions.hasPending(stopped.appealId());
    if (!supervised && !requested) {
      return;
    }
    system.run(() -> {
      if (supervised) {
        runtimeService.createMessageCorrelation(SupervisionProcess.MESSAGE_STEP_DONE)
            .processInstanceBusinessKey(stopped.trackingNumber())
            .processInstanceVariableEquals(SupervisionProcess.VAR_KIND, stopped.kind().name())
            .correlateAll();
      }
      if (requested) {
        runtimeService.createMessageCorrelation(ExtensionRequestProcess.MESSAGE_HANDLING_FINISHED)
            .processInstanceBusinessKey(stopped.trackingNumber())
            .correlateAll();
      }
    });
  }
}
