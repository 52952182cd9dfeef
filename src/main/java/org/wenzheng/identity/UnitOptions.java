package org.wenzheng.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.wenzheng.directory.Directory;

/**
 * Offers choices to a form's select (its {@code valuesKey}) as a task-local JSON variable: the directory's active
 * units, so the directory is the only list of units and no form has to be edited when a unit is added, or any other
 * list a task computes when it is created.
 */
@Component
public class UnitOptions {

  private final Directory directory;
  private final ObjectMapper json;

  UnitOptions(Directory directory, ObjectMapper json) {
    this.directory = directory;
    this.json = json;
  }

  public void offer(DelegateTask task, String variable) {
    offer(task, variable, directory.dispatchableUnits().stream()
        .map(u -> Map.of("label", u.name() + "（" + u.code() + "）", "value", u.code())).toList());
  }

  /** Any list of {@code label}/{@code value} options, as a form-js select reads them from {@code valuesKey}. */
  public void offer(DelegateTask task, String variable, List<Map<String, String>> options) {
    try {
      task.setVariableLocal(variable, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
