package org.wenzheng.handling;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.TaskInput;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;

/**
 * {@code Task_CoHandleAppeal} 协办诉求, on complete: the co-handling unit's part is recorded, and the lead unit's
 * handling form shows all parts submitted so far.
 */
@Component
class CoHandleAppealListener implements TaskListener {

  private final AppealTasks tasks;
  private final JdbcClient jdbc;
  private final AppealJournal journal;
  private final Directory directory;
  private final IdentityService identityService;

  CoHandleAppealListener(AppealTasks tasks, JdbcClient jdbc, AppealJournal journal, Directory directory,
      IdentityService identityService) {
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.journal = journal;
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Appeal appeal = tasks.appealOf(task);
    String unit = (String) task.getVariable(AppealProcess.VAR_CO_UNIT);
    String part = new TaskInput(task).requireText(AppealProcess.VAR_CO_HANDLING_PART);
    Actor actor = Actor.current(identityService);
    jdbc.sql("insert into co_handling (appeal_id, department_code, part, submitted_by, submitted_at) "
        + "values (?, ?, ?, ?, ?)").params(appeal.id(), unit, part, actor.userId(), EngineClock.nowUtc()).update();
    journal.record(appeal.id(), JournalEvent.CO_HANDLED, actor, Map.of("departmentCode", unit, "part", part));
    String parts = jdbc.sql("select department_code, part from co_handling where appeal_id = ? order by id")
        .param(appeal.id()).query((rs, i) -> directory.unitName(rs.getString(1)) + "：" + rs.getString(2))
        .list().stream().collect(Collectors.joining("\n\n"));
    task.setVariable(AppealProcess.VAR_CO_HANDLING_PARTS, parts);
    task.removeVariable(AppealProcess.VAR_CO_HANDLING_PART);
  }
}
