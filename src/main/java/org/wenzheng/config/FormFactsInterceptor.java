package org.wenzheng.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.wenzheng.appeal.FormFacts;

/**
 * Adds the appeal's facts ({@link FormFacts}) to a task's form variables, whichever door asked for them: Tasklist
 * through the webapps' REST API, {@code /engine-rest/task/{id}/form-variables}, or Java. It runs after the engine's
 * own command, so the engine has already checked that the user may read the task's variables.
 */
class FormFactsInterceptor extends CommandInterceptor {

  private final Supplier<FormFacts> facts;
  private final Map<String, Set<String>> fieldsByForm;

  FormFactsInterceptor(Supplier<FormFacts> facts, Map<String, Set<String>> fieldsByForm) {
    this.facts = facts;
    this.fieldsByForm = fieldsByForm;
  }

  @Override
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    if (command instanceof GetTaskFormVariablesCmd form && result instanceof VariableMap variables) {
      TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(form.resourceId);
      ExecutionEntity instance = task == null ? null : task.getProcessInstance();
      if (instance != null) {
        VariableMap added = Variables.createVariables();
        added.putAll(variables);
        facts.get().addTo(task.getId(), task.getTaskDefinitionKey(), instance.getProcessDefinition().getKey(),
            instance.getBusinessKey(), added);
        Collection<String> wanted = form.formVariableNames;
        // By name and typed value: reading a value would deserialize it, which the client may not have asked for.
        for (String name : added.keySet()) {
          if (wanted == null || wanted.contains(name)) {
            variables.putValueTyped(name, typed(added.getValueTyped(name)));
          }
        }
      }
      if (task != null) {
        shownAsWritten(task, variables);
      }
    }
    return result;
  }

  /**
   * What the form shows as text (every string that is not the value of one of its fields) is escaped for Markdown,
   * so that a citizen's or a unit's words appear exactly as written, never as a link, an image or a heading
   * ({@link PlainText}). The values of the form's own fields stay as they are, to be edited.
   */
  private void shownAsWritten(TaskEntity task, VariableMap variables) {
    Set<String> fields = FormFields.ofTask(fieldsByForm, task);
    for (String name : List.copyOf(variables.keySet())) {
      TypedValue value = variables.getValueTyped(name);
      if (!fields.contains(name) && value instanceof StringValue text && text.getValue() != null) {
        variables.putValueTyped(name, Variables.stringValue(PlainText.forMarkdown(text.getValue()),
            value.isTransient()));
      }
    }
  }

  /** A plain Java value as the engine would type it (String, Boolean, ...), so clients see its type as usual. */
  private static TypedValue typed(TypedValue value) {
    if (value == null || value.getType() != null) {
      return value;
    }
    return Context.getProcessEngineConfiguration().getVariableSerializers().findSerializerForValue(value)
        .convertToTypedValue((UntypedValueImpl) value);
  }
}
