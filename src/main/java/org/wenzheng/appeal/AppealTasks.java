package org.wenzheng.appeal;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Finds the appeal behind a task or execution and protects the facts that route it. The appeal is found by the
 * process instance's business key (its tracking number), which no task completion can change; variables that decide
 * who gets the appeal next must still agree with the appeal table, or a handler could redirect an appeal by
 * submitting an extra variable.
 */
@Component
@NamedInterface("process")
public class AppealTasks {

  private final AppealRepository appeals;

  AppealTasks(AppealRepository appeals) {
    this.appeals = appeals;
  }

  /** Whether the version of the model this task runs in has an element with this id (older versions may not). */
  public static boolean modelHas(DelegateTask task, String elementId) {
    return ((ExecutionEntity) task.getExecution()).getProcessDefinition().findActivity(elementId) != null;
  }

  public Appeal appealOf(DelegateTask task) {
    return appealOf(task.getExecution());
  }

  public Appeal appealOf(DelegateExecution execution) {
    String trackingNumber = execution.getProcessBusinessKey();
    return appeals.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new IllegalStateException("no appeal with tracking number " + trackingNumber));
  }

  /**
   * Refuses a completion that tried to change a routing fact the process keeps in variables: the redo count and, once
   * dispatched, the department.
   */
  public void requireRoutingUnchanged(DelegateTask task, Appeal appeal, boolean dispatched) {
    requireSame(task, AppealProcess.VAR_REDO_COUNT, appeal.redoCount());
    if (dispatched) {
      requireSame(task, AppealProcess.VAR_DEPARTMENT_CODE, appeal.departmentCode());
    }
  }

  private static void requireSame(DelegateTask task, String name, Object expected) {
    Object actual = task.getVariable(name);
    boolean same = actual instanceof Number n && expected instanceof Number e
        ? n.longValue() == e.longValue()
        : Objects.equals(actual, expected);
    if (!same) {
      throw new TaskInputRejectedException(name, "此任务不允许修改该字段");
    }
  }
}
