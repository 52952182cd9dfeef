package org.wenzheng.handling;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;

/**
 * {@code Task_RecordReturn} 登记退单: the return is counted against the unit and goes to the dispatch centre for a
 * decision; the second return of the same appeal is a dispute for the supervision office instead.
 */
@Component
class RecordReturnDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Directory directory;

  RecordReturnDelegate(AppealTasks tasks, AppealRepository appeals, AppealSteps steps, Directory directory) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    String reason = (String) execution.getVariable(AppealProcess.VAR_RETURN_REASON);
    steps.returned(appeal, reason);
    List<AppealRepository.Return> returns = appeals.returns(appeal.id());
    execution.setVariable(AppealProcess.VAR_RETURNS_COUNT, returns.size());
    execution.setVariable(AppealProcess.VAR_DISPUTE_NEEDED, returns.size() >= 2);
    execution.setVariable(AppealProcess.VAR_RETURN_HISTORY, returns.stream()
        .map(r -> EngineClock.SHORT.format(r.returnedAt().toInstant()) + " " + directory.unitName(r.departmentCode())
            + " 退回："
            + r.reason() + (r.decision() == null ? "" : "（调度中心" + label(r.decision()) + "）"))
        .collect(Collectors.joining("\n\n")));
    execution.setVariable(AppealProcess.VAR_PREVIOUS_ROUND_NOTE,
        directory.unitName(appeal.departmentCode()) + " 退回，理由：" + reason);
  }

  private static String label(String decision) {
    return switch (decision) {
      case "AGREED" -> "同意退单";
      case "REJECTED" -> "不同意退单";
      default -> "裁定";
    };
  }
}
