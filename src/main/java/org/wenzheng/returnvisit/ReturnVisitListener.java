package org.wenzheng.returnvisit;

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
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.appeal.TaskInput;

/** {@code Task_ReturnVisit} 回访, on complete: the citizen's rating, checked and recorded. */
@Component
class ReturnVisitListener implements TaskListener {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final IdentityService identityService;

  ReturnVisitListener(AppealTasks tasks, AppealRepository appeals, AppealJournal journal,
      IdentityService identityService) {
    this.tasks = tasks;
    this.appeals = appeals;
    this.journal = journal;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    tasks.requireRoutingUnchanged(task, appeal, true);
    TaskInput input = new TaskInput(task);
    Satisfaction satisfaction = input.requireEnum(AppealProcess.VAR_SATISFACTION, Satisfaction.class);
    String note = input.optionalText(AppealProcess.VAR_VISIT_NOTE);
    appeals.recordVisit(appeal.id(), satisfaction, note);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("satisfaction", satisfaction.name());
    if (note != null) {
      detail.put("visitNote", note);
    }
    journal.record(appeal.id(), "VISITED", Actor.current(identityService), detail);
  }
}
