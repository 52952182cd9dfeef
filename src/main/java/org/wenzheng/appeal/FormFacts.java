package org.wenzheng.appeal;

import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Completes the variables a task's form reads with what every capability knows about the task's appeal
 * ({@link TaskFormFacts}). Called by the engine whenever a client reads a task's form variables.
 */
@Service
@NamedInterface("process")
public class FormFacts {

  private final AppealRepository appeals;
  private final ObjectProvider<TaskFormFacts> providers;

  FormFacts(AppealRepository appeals, ObjectProvider<TaskFormFacts> providers) {
    this.appeals = appeals;
    this.providers = providers;
  }

  /**
   * @param trackingNumber the business key of the task's process instance
   * @param form the form variables the engine found; facts are added or replace its entries
   */
  public void addTo(String taskId, String taskDefinitionKey, String processDefinitionKey, String trackingNumber,
      VariableMap form) {
    if (trackingNumber == null) {
      return;
    }
    Appeal appeal = appeals.findByTrackingNumber(trackingNumber).orElse(null);
    if (appeal == null) {
      return;
    }
    VariableMap processVariables = Variables.createVariables();
    processVariables.putAll(form);
    FormTask task = new FormTask(taskId, taskDefinitionKey, processDefinitionKey, appeal, processVariables);
    List<TaskFormFacts> all = providers.orderedStream().toList();
    for (TaskFormFacts facts : all) {
      facts.addTo(task, form);
    }
  }
}
