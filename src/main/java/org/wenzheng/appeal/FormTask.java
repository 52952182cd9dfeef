package org.wenzheng.appeal;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.modulith.NamedInterface;

/**
 * The task whose form is being opened: which step of which process, the appeal behind it (found by the tracking
 * number, every process's business key) and the variables the process already holds for it.
 */
@NamedInterface("process")
public record FormTask(String taskId, String taskDefinitionKey, String processDefinitionKey, Appeal appeal,
    VariableMap processVariables) {

  public boolean is(String definitionKey) {
    return definitionKey.equals(taskDefinitionKey);
  }

  /** Whether the process has this variable for the task (then a default must not replace it). */
  public boolean hasVariable(String name) {
    TypedValue value = processVariables.getValueTyped(name);
    return value != null && value.getType() != ValueType.NULL;
  }
}
