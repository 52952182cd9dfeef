package org.wenzheng.handling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.deadline.ClockKind;
import org.wenzheng.deadline.Deadlines;
import org.wenzheng.directory.Directory;
import org.wenzheng.identity.AppealAccess;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_DesignateLeadUnit} 确定主办单位: the supervision office's ruling takes effect. The lead unit holds the
 * appeal and may no longer return it (首接负责制); co-handling units may read it and will each submit their part; the
 * returns are settled as justified or not; all of them are told. The appeal is then dispatched to the lead unit.
 */
@Component
class DesignateLeadUnitDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Deadlines deadlines;
  private final Directory directory;
  private final AppealAccess access;
  private final Notifications notifications;

  DesignateLeadUnitDelegate(AppealTasks tasks, AppealRepository appeals, AppealSteps steps, Deadlines deadlines,
      Directory directory, AppealAccess access, Notifications notifications) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
    this.deadlines = deadlines;
    this.directory = directory;
    this.access = access;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    String lead = (String) execution.getVariable(AppealProcess.VAR_LEAD_UNIT);
    @SuppressWarnings("unchecked")
    List<String> coUnits = (List<String>) execution.getVariable(AppealProcess.VAR_CO_UNITS);
    String note = (String) execution.getVariable(AppealProcess.VAR_DISPUTE_NOTE);

    deadlines.stop(appeal, ClockKind.RESOLUTION, "RETURNED");
    steps.disputeRuled(appeal, lead, coUnits, note);
    coUnits.forEach(co -> access.grantUnitRead(execution.getProcessInstanceId(), co));

    String leadName = directory.unitName(lead);
    String coNames = coUnits.isEmpty() ? null
        : coUnits.stream().map(directory::unitName).collect(Collectors.joining("、"));

    Appeal ruled = appeals.get(appeal.id());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("leadName", leadName);
    model.put("coNames", coNames);
    model.put("note", note);
    model.put("role", "LEAD");
    notifications.toUnit(ruled, lead, NotificationKind.DISPUTE_RULED, model);
    for (String co : coUnits) {
      model.put("role", "CO");
      notifications.toUnit(ruled, co, NotificationKind.DISPUTE_RULED, model);
    }

    execution.setVariable(AppealProcess.VAR_DEPARTMENT_CODE, lead);
    execution.setVariable(AppealProcess.VAR_DEPARTMENT_NAME, leadName);
    execution.setVariable(AppealProcess.VAR_RETURN_ALLOWED, false);
    execution.setVariable(AppealProcess.VAR_PREVIOUS_ROUND_NOTE, "督查室裁定：由" + leadName + "主办，不得再退回"
        + (coNames == null ? "" : "，" + coNames + "协办") + "。意见：" + note);
    execution.setVariable(AppealProcess.VAR_ACCOUNTABILITY_EVENT, "DISPUTE_RULED");
    execution.setVariable(AppealProcess.VAR_ACCOUNTABLE_UNIT, lead);
    execution.setVariable(AppealProcess.VAR_UNJUSTIFIED_RETURNS, appeals.unjustifiedReturns(appeal.id(), lead));
    execution.removeVariables(List.of(AppealProcess.VAR_HANDLING_OUTCOME, AppealProcess.VAR_RETURN_REASON,
        AppealProcess.VAR_CO_HANDLING_PARTS));
  }
}
