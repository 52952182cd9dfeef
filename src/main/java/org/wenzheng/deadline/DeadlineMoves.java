package org.wenzheng.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.calendar.Basis;
import org.wenzheng.calendar.CalendarChanged;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.DeadlineDuration;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.calendar.WorkingCalendar;
import org.wenzheng.identity.SystemActions;

/**
 * A running clock gets a new deadline: from a supervision notice or an approved extension ({@link #move}), or because
 * an administrator changed the working calendar under it. The clock row, the task's due date and the timers move
 * together.
 */
@Service
@NamedInterface("clocks")
public class DeadlineMoves {

  private static final Logger log = LoggerFactory.getLogger(DeadlineMoves.class);

  private final ClockRepository clocks;
  private final Calendars calendars;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final DeadlineProperties properties;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final SystemActions system;

  DeadlineMoves(ClockRepository clocks, Calendars calendars, AppealRepository appeals, AppealJournal journal,
      DeadlineProperties properties, IdentityService identityService, TaskService taskService,
      ManagementService managementService, RuntimeService runtimeService, SystemActions system) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.appeals = appeals;
    this.journal = journal;
    this.properties = properties;
    this.identityService = identityService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /**
   * Gives the appeal's running clock of this kind a new deadline (a supervision notice, an approved extension), with
   * its task's due date and its timers. A reminder is due again at the configured share of the new time, unless the
   * clock is already overdue.
   */
  public void move(Appeal appeal, ClockKind kind, Instant newDue, String reason) {
    Clock c = clocks.open(appeal.id(), kind).orElseThrow(() -> new IllegalStateException(
        "appeal " + appeal.id() + " has no running " + kind + " clock"));
    WorkingCalendar calendar = calendars.current();
    Instant now = EngineClock.now();
    Instant reminder = c.overdue() ? c.reminderAt().toInstant()
        : calendar.fractionOfTheWay(now, newDue, c.basis(), properties.reminderShare());
    clocks.moveDue(c, reminder, newDue);
    if (!c.overdue()) {
      clocks.clearReminded(c);
    }
    journal.record(appeal.id(), JournalEvent.DEADLINE_MOVED, Actor.current(identityService), Map.of(
        "kind", kind.name(), "from", c.dueAt().toInstant().toString(), "to", newDue.toString(), "reason", reason));
    system.run(() -> rescheduleInEngine(appeal, kind, newDue));
  }

  /**
   * An administrator changed a year's calendar: every running working-time clock whose span touches a changed day is
   * computed again from its start, with its task's due date and its timers.
   */
  @EventListener
  public void onCalendarChanged(CalendarChanged change) {
    if (change.changedDays().isEmpty()) {
      return;
    }
    WorkingCalendar calendar = calendars.current();
    ZoneId zone = calendar.zone();
    LocalDate first = change.changedDays().stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate last = change.changedDays().stream().max(LocalDate::compareTo).orElseThrow();
    int moved = 0;
    for (Clock c : clocks.openWorkingClocksTouching(first.atStartOfDay(zone).toInstant(),
        last.plusDays(1).atStartOfDay(zone).toInstant())) {
      Instant started = c.startedAt().toInstant();
      Instant due = calendar.add(started, DeadlineDuration.parse(c.allowed()), Basis.WORKING);
      Instant reminder = calendar.fractionOfTheWay(started, due, Basis.WORKING, properties.reminderShare());
      if (due.equals(c.dueAt().toInstant()) && reminder.equals(c.reminderAt().toInstant())) {
        continue;
      }
      clocks.moveDue(c, reminder, due);
      journal.record(c.appealId(), JournalEvent.DEADLINE_MOVED, new Actor(change.changedBy(), null), Map.of(
          "kind", c.kind().name(), "from", c.dueAt().toInstant().toString(), "to", due.toString(),
          "reason", "calendar " + change.year() + " changed"));
      rescheduleInEngine(appeals.get(c.appealId()), c.kind(), due);
      moved++;
    }
    calendars.recordRecalculation(change.year(), moved);
    log.info("Calendar {} changed by {}: {} running deadlines recalculated", change.year(), change.changedBy(), moved);
  }

  private void rescheduleInEngine(Appeal appeal, ClockKind kind, Instant due) {
    String pi = appeal.processInstanceId();
    String[] taskKeys = kind == ClockKind.RESPONSE ? new String[] {AppealProcess.TASK_ACKNOWLEDGE}
        : new String[] {AppealProcess.TASK_HANDLE, AppealProcess.TASK_CO_HANDLE};
    // Called from an administrator's request: the engine refuses unbounded queries there (queryMaxResultsLimit).
    for (Task task : taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKeyIn(taskKeys)
        .listPage(0, 10)) {
      task.setDueDate(Date.from(due));
      taskService.saveTask(task);
    }
    runtimeService.setVariable(pi, kind == ClockKind.RESPONSE ? AppealProcess.VAR_RESPONSE_DUE_AT
        : AppealProcess.VAR_RESOLUTION_DUE_AT, EngineClock.SHOWN.format(due));
    for (String timer : kind == ClockKind.RESPONSE
        ? new String[] {AppealProcess.TIMER_RESPONSE_REMINDER, AppealProcess.TIMER_RESPONSE_OVERDUE}
        : new String[] {AppealProcess.TIMER_RESOLUTION_REMINDER, AppealProcess.TIMER_RESOLUTION_OVERDUE}) {
      for (Job job : managementService.createJobQuery().processInstanceId(pi).activityId(timer).listPage(0, 10)) {
        managementService.recalculateJobDuedate(job.getId(), false);
      }
    }
  }
}
