package org.wenzheng.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.FormTask;
import org.wenzheng.appeal.TaskFormFacts;
import org.wenzheng.directory.Directory;

/**
 * The units a dispatcher (审核) or the supervision office (争议裁定) may choose, offered to the form's select (its
 * {@code valuesKey}) when the form is opened: the directory is the only list of units, no form is edited when a unit
 * is added, and the list is never stored in the process.
 */
@Component
@NamedInterface("access")
public class UnitOptions implements TaskFormFacts {

  private static final Set<String> CHOOSING_A_UNIT = Set.of(AppealProcess.TASK_REVIEW,
      AppealProcess.TASK_RESOLVE_DISPUTE);

  private final Directory directory;
  private final ObjectMapper json;

  UnitOptions(Directory directory, ObjectMapper json) {
    this.directory = directory;
    this.json = json;
  }

  @Override
  public void addTo(FormTask task, VariableMap form) {
    if (CHOOSING_A_UNIT.contains(task.taskDefinitionKey())) {
      form.put(AppealProcess.VAR_DEPARTMENT_OPTIONS, options(directory.dispatchableUnits().stream()
          .map(u -> Map.of("label", u.name() + "（" + u.code() + "）", "value", u.code())).toList()));
    }
  }

  /** Any list of {@code label}/{@code value} options, as a form-js select reads them from {@code valuesKey}. */
  public TypedValue options(List<Map<String, String>> options) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
