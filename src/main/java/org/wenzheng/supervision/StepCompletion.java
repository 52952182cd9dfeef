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

  StepCompletion(RuntimeService runtimeService, SystemActions system) {
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @EventListener
  void onClockStopped(ClockStopped stopped) {
    system.run(() -> {
      runtimeService.createMessageCorrelation(SupervisionProcess.MESSAGE_STEP_DONE)
          .processInstanceBusinessKey(stopped.trackingNumber())
          .processInstanceVariableEquals(SupervisionProcess.VAR_KIND, stopped.kind().name())
          .correlateAll();
      if (stopped.kind() == ClockKind.RESOLUTION) {
        runtimeService.createMessageCorrelation(ExtensionRequestProcess.MESSAGE_HANDLING_FINISHED)
            .processInstanceBusinessKey(stopped.trackingNumber())
            .correlateAll();
      }
    });
  }
}
