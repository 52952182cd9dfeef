package org.wenzheng.appeal;

import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.modulith.NamedInterface;

/**
 * Something a form shows that the process does not keep: the appeal's own facts (its words, the citizen, where and
 * when), lists to choose from, possible duplicates. A capability that has such facts for a task provides a bean of
 * this type; they are added to the task's form variables each time a form is opened (Tasklist, {@code /engine-rest}
 * and the webapps' REST read them the same way), so they are always current, cost nothing while nobody looks, and
 * cannot be changed by writing a process variable. Nothing here is stored in the process or its history.
 */
@NamedInterface("process")
public interface TaskFormFacts {

  /**
   * Adds this capability's facts about the task to the variables its form reads. Facts replace variables of the same
   * name; defaults ({@link FormTask#hasVariable}) only fill what the process has not decided yet.
   */
  void addTo(FormTask task, VariableMap form);
}
