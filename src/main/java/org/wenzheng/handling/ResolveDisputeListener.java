package org.wenzheng.handling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.directory.Directory;

/**
 * {@code Task_ResolveDispute} 争议裁定. On complete, checks the lead unit and the co-handling units (at most five, none of them the lead) and keeps the co-handlers as a plain list for the
 * multi-instance co-handling task.
 */
@Component
class ResolveDisputeListener implements TaskListener {

  static final int MAX_CO_UNITS = 5;

  private final Directory directory;

  ResolveDisputeListener(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskInput input = new TaskInput(task);
    String lead = input.requireText(AppealProcess.VAR_LEAD_UNIT);
    if (!directory.isActiveUnit(lead)) {
      throw new TaskInputRejectedException(AppealProcess.VAR_LEAD_UNIT, "'" + lead + "' 不是有效的单位代码");
    }
    List<String> coUnits = codes(task.getVariable(AppealProcess.VAR_CO_UNITS));
    for (String co : coUnits) {
      if (!directory.isActiveUnit(co)) {
        throw new TaskInputRejectedException(AppealProcess.VAR_CO_UNITS, "'" + co + "' 不是有效的单位代码");
      }
      if (co.equals(lead)) {
        throw new TaskInputRejectedException(AppealProcess.VAR_CO_UNITS, "主办单位不能同时是协办单位");
      }
    }
    if (coUnits.size() > MAX_CO_UNITS) {
      throw new TaskInputRejectedException(AppealProcess.VAR_CO_UNITS, "协办单位最多 " + MAX_CO_UNITS + " 个");
    }
    input.requireText(AppealProcess.VAR_DISPUTE_NOTE);
    task.setVariable(AppealProcess.VAR_CO_UNITS, new ArrayList<>(coUnits));
  }

  /** Tasklist submits a tag list as JSON; REST clients may send a list or comma-separated text. */
  static List<String> codes(Object value) {
    Set<String> codes = new LinkedHashSet<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> codes.add(e.isString() ? e.stringValue() : e.toString()));
    } else if (value instanceof Collection<?> list) {
      list.forEach(e -> codes.add(String.valueOf(e)));
    } else if (value instanceof String s && !s.isBlank()) {
      for (String part : s.split("[,，\\s]+")) {
        codes.add(part);
      }
    } else if (value != null) {
      throw new TaskInputRejectedException(AppealProcess.VAR_CO_UNITS, "应为单位代码列表");
    }
    codes.removeIf(String::isBlank);
    return new ArrayList<>(codes);
  }
}
