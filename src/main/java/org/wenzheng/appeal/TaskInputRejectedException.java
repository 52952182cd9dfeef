package org.wenzheng.appeal;

import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.modulith.NamedInterface;

/**
 * A task was completed with a missing, unknown or forbidden value. It is a {@link FormFieldValidationException} so
 * that Camunda's REST API (and Tasklist, which uses it) answers 400 with our message; the engine rolls the whole
 * completion back, so the process does not move.
 */
@NamedInterface("process")
public class TaskInputRejectedException extends FormFieldValidationException {

  private final String field;

  public TaskInputRejectedException(String field, String message) {
    super(Map.of("field", field), field + ": " + message);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
