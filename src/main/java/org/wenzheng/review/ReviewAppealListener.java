package org.wenzheng.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.appeal.Complexity;
import org.wenzheng.appeal.RejectReason;
import org.wenzheng.appeal.ReviewDecision;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.directory.Directory;
import org.wenzheng.identity.UnitOptions;

/**
 * {@code Task_ReviewAppeal} 审核诉求. On create, offers the directory's units to the form; on complete, checks the
 * decision on the server and records it in the appeal table, in the completion's transaction.
 */
@Component
class ReviewAppealListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Directory directory;
  private final IdentityService identityService;
  private final UnitOptions unitOptions;

  ReviewAppealListener(AppealTasks tasks, AppealRepository appeals, AppealJournal journal, Directory directory,
      IdentityService identityService, UnitOptions unitOptions) {
    this.unitOptions = unitOptions;
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> offerUnits(task);
      case EVENTNAME_COMPLETE -> complete(task);
      default -> { }
    }
  }

  private void offerUnits(DelegateTask task) {
    unitOptions.offer(task, AppealProcess.VAR_DEPARTMENT_OPTIONS);
  }

  private void complete(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, false);
    TaskInput input = new TaskInput(task);
    ReviewDecision decision = input.requireEnum(AppealProcess.VAR_REVIEW_DECISION, ReviewDecision.class);
    Actor actor = Actor.current(identityService);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("decision", decision.name());
    if (decision == ReviewDecision.ACCEPT) {
      String unit = input.requireText(AppealProcess.VAR_DEPARTMENT_CODE);
      if (!directory.isActiveUnit(unit)) {
        throw new TaskInputRejectedException(AppealProcess.VAR_DEPARTMENT_CODE, "'" + unit + "' 不是有效的承办单位代码");
      }
      AppealType type = input.requireEnum(AppealProcess.VAR_APPEAL_TYPE, AppealType.class);
      Complexity complexity = input.requireEnum(AppealProcess.VAR_COMPLEXITY, Complexity.class);
      String note = input.optionalText(AppealProcess.VAR_DISPATCH_NOTE);
      boolean urgent = input.optionalFlag(AppealProcess.VAR_URGENT);
      appeals.recordAccepted(appeal.id(), type, complexity, unit, note, urgent);
      task.setVariable(AppealProcess.VAR_URGENT, urgent);
      detail.put("urgent", urgent);
      task.setVariable(AppealProcess.VAR_DEPARTMENT_NAME, directory.unitName(unit));
      detail.put("departmentCode", unit);
      detail.put("appealType", type.name());
      detail.put("complexity", complexity.name());
      if (note != null) {
        detail.put("dispatchNote", note);
      }
    } else {
      RejectReason reason = input.requireEnum(AppealProcess.VAR_REJECT_REASON, RejectReason.class);
      String note = input.requireText(AppealProcess.VAR_REJECT_NOTE);
      appeals.recordRejected(appeal.id(), reason, note);
      detail.put("rejectReason", reason.name());
      detail.put("rejectNote", note);
    }
    journal.record(appeal.id(), "REVIEWED", actor, detail);
  }
}
