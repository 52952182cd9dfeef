package org.wenzheng.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealRepository;

/**
 * Start listener of the Appeal process: an instance may only start for an appeal that intake has just registered
 * (by its tracking number, as business key), so no appeal exists in the engine without its row, and none twice,
 * even if somebody starts the process through {@code /engine-rest}.
 */
@Component
class AppealRegistrationGuard implements ExecutionListener {

  private final AppealRepository appeals;

  AppealRegistrationGuard(AppealRepository appeals) {
    this.appeals = appeals;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String trackingNumber = execution.getProcessBusinessKey();
    boolean registered = trackingNumber != null && appeals.awaitsItsProcess(trackingNumber);
    if (!registered) {
      throw new IllegalStateException("诉求必须通过受理接口 POST /api/appeals 登记后才能启动流程（业务键 "
          + trackingNumber + " 无对应的新登记诉求）");
    }
  }
}
