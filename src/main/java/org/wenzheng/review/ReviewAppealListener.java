package org.wenzheng.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.appeal.Complexity;
import org.wenzheng.appeal.RejectReason;
import org.wenzheng.appeal.ReviewDecision;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.directory.Directory;
import org.wenzheng.routing.Routing;

/**
 * {@code Task_ReviewAppeal} 审核诉求. On create, has the routing suggestion made in the background. On complete, checks
 * the decision (accept, reject, or merge into a duplicate) on the server and records it in the appeal table, and
 * beside the routing suggestion, in the completion's transaction. What the form offers (units, possible duplicates,
 * the routing suggestion) is added when the form is opened ({@link ReviewFormFacts}, {@code routing.RoutingFormFacts}).
 */
@Component
class ReviewAppealListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Directory directory;
  private final Routing routing;

  ReviewAppealListener(AppealTasks tasks, AppealRepository appeals, AppealSteps steps, Directory directory,
      Routing routing) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
    this.directory = directory;
    this.routing = routing;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // Ready when the dispatcher opens the task; made after this transaction, so intake does not wait for it.
      routing.suggestWhenCreated(task.getExecution().getProcessBusinessKey(), task.getId());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task);
    }
  }

  private void complete(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, false);
    TaskInput input = new TaskInput(task);
    ReviewDecision decision = input.requireEnum(AppealProcess.VAR_REVIEW_DECISION, ReviewDecision.class);
    if (decision == ReviewDecision.ACCEPT) {
      String unit = input.requireText(AppealProcess.VAR_DEPARTMENT_CODE);
      if (!directory.isActiveUnit(unit)) {
        throw new TaskInputRejectedException(AppealProcess.VAR_DEPARTMENT_CODE, "'" + unit + "' 不是有效的承办单位代码");
      }
      AppealType type = input.requireEnum(AppealProcess.VAR_APPEAL_TYPE, AppealType.class);
      Complexity complexity = input.requireEnum(AppealProcess.VAR_COMPLEXITY, Complexity.class);
      String note = input.optionalText(AppealProcess.VAR_DISPATCH_NOTE);
      boolean urgent = input.optionalFlag(AppealProcess.VAR_URGENT);
      task.setVariable(AppealProcess.VAR_URGENT, urgent);
      task.setVariable(AppealProcess.VAR_DEPARTMENT_NAME, directory.unitName(unit));
      steps.accepted(appeal, type, complexity, unit, note, urgent);
      routing.recordChoice(appeal, task.getId(), unit);
    } else if (decision == ReviewDecision.MERGE) {
      Appeal primary = mergeTarget(appeal, input.requireText(AppealProcess.VAR_MERGE_INTO));
      task.setVariable(AppealProcess.VAR_MERGE_INTO, primary.trackingNumber());
      steps.mergedAtReview(appeal, primary);
      routing.recordChoice(appeal, task.getId(), null);
    } else {
      RejectReason reason = input.requireEnum(AppealProcess.VAR_REJECT_REASON, RejectReason.class);
      steps.rejected(appeal, reason, input.requireText(AppealProcess.VAR_REJECT_NOTE));
      routing.recordChoice(appeal, task.getId(), null);
    }
  }

  /** The appeal a duplicate may be merged into: another accepted one, still being worked on, not itself merged. */
  private Appeal mergeTarget(Appeal appeal, String trackingNumber) {
    Appeal primary = appeals.findByTrackingNumber(trackingNumber.strip()).orElseThrow(() ->
        new TaskInputRejectedException(AppealProcess.VAR_MERGE_INTO, "没有受理编号为 " + trackingNumber + " 的诉求"));
    if (primary.id() == appeal.id()) {
      throw new TaskInputRejectedException(AppealProcess.VAR_MERGE_INTO, "不能合并到本件诉求自身");
    }
    if (!AppealStatus.ACCEPTED_OPEN.contains(primary.status())) {
      throw new TaskInputRejectedException(AppealProcess.VAR_MERGE_INTO, primary.trackingNumber() + " "
          + primary.status().label() + "，只能合并到已受理、尚未办结的诉求");
    }
    if (!appeals.mergedInto(appeal.id()).isEmpty()) {
      throw new TaskInputRejectedException(AppealProcess.VAR_MERGE_INTO, "已有其他诉求并入本件，本件不能再合并");
    }
    return primary;
  }
}
