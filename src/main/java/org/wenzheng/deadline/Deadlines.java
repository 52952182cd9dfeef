package org.wenzheng.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * The clocks of an appeal: started at dispatch (response and resolution) and at a redo (resolution), read by the
 * process's timers, reminding the unit at a share of the allowed time (75% by default), marking the appeal overdue
 * when time runs out, frozen when the step completes, and moved when the working calendar changes under them.
 */
@Service
public class Deadlines {

  private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

  private final ClockRepository clocks;
  private final Calendars calendars;
  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final DeadlineProperties properties;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final SystemActions system;
  private final DecisionService decisionService;

  Deadlines(ClockRepository clocks, Calendars calendars, AppealRepository appeals, AppealJournal journal,
      Notifications notifications, DeadlineProperties properties, IdentityService identityService,
      TaskService taskService, ManagementService managementService, RuntimeService runtimeService,
      ApplicationEventPublisher events, SystemActions system, DecisionService decisionService) {
    this.decisionService = decisionService;
    this.events = events;
    this.system = system;
    this.clocks = clocks;
    this.calendars = calendars;
    this.appeals = appeals;
    this.journal = journal;
    this.notifications = notifications;
    this.properties = properties;
    this.identityService = identityService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
  }

  /** Due instants of a new dispatch or redo; {@code responseDue} is null when no acknowledgement is due. */
  public record Scheduled(Instant responseDue, Instant resolutionDue) {
  }

  /**
   * Starts the clocks of the unit that now holds the appeal, from now. Any clock still open of the same kind (there
   * should be none) is closed as replaced.
   */
  public Scheduled start(Appeal appeal, DeadlinePolicy response, DeadlinePolicy resolution) {
    Instant now = EngineClock.now();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("departmentCode", appeal.departmentCode());
    Instant responseDue = null;
    if (response != null) {
      responseDue = startClock(appeal, ClockKind.RESPONSE, response, now);
      detail.put("responseDue", responseDue.toString());
      detail.put("responsePolicy", response.allowed() + " " + response.basis());
    }
    Instant resolutionDue = startClock(appeal, ClockKind.RESOLUTION, resolution, now);
    detail.put("resolutionDue", resolutionDue.toString());
    detail.put("resolutionPolicy", resolution.allowed() + " " + resolution.basis());
    journal.record(appeal.id(), JournalEvent.DEADLINES_SET, Actor.current(identityService), detail);
    return new Scheduled(responseDue, resolutionDue);
  }

  private Instant startClock(Appeal appeal, ClockKind kind, DeadlinePolicy policy, Instant now) {
    clocks.open(appeal.id(), kind).ifPresent(c -> clocks.stop(c, "REPLACED"));
    WorkingCalendar calendar = calendars.current();
    Instant due = calendar.add(now, policy.allowed(), policy.basis());
    Instant reminder = calendar.fractionOfTheWay(now, due, policy.basis(), properties.reminderShare());
    clocks.start(appeal.id(), kind, appeal.departmentCode(), policy.allowed().toString(), policy.basis(), now,
        reminder, due);
    return due;
  }

  /** For timer and due-date expressions: when the appeal's open clock of this kind runs out. */
  public Date due(long appealId, ClockKind kind) {
    return Date.from(openClock(appealId, kind).dueAt().toInstant());
  }

  /** For timer expressions: when to remind the unit. */
  public Date reminder(long appealId, ClockKind kind) {
    return Date.from(openClock(appealId, kind).reminderAt().toInstant());
  }

  private Clock openClock(long appealId, ClockKind kind) {
    return clocks.open(appealId, kind).orElseThrow(() -> new IllegalStateException(
        "appeal " + appealId + " has no running " + kind + " clock"));
  }

  /** The step of this clock completed: stop it and freeze its overdue flag. */
  public void stop(Appeal appeal, ClockKind kind, String reason) {
    clocks.open(appeal.id(), kind).ifPresent(c -> {
      boolean late = clocks.stop(c, reason);
      if (late && c.overdueAt() == null) {
        // Completed after the due instant before the timer could fire: still overdue, and on record as such.
        journal.record(appeal.id(), JournalEvent.OVERDUE, Actor.current(identityService),
            Map.of("kind", kind.name(), "due", c.dueAt().toInstant().toString(), "detectedAt", "completion"));
      }
      events.publishEvent(new ClockStopped(appeal.id(), appeal.trackingNumber(), kind, reason, late));
    });
  }

  /**
   * A step that was done turns out not to be (the dispatch centre sent a reply back): its clock runs again from where
   * it stood, with the deadline it had. Once the process is back in the step, its timers read that deadline; one
   * already past fires at once.
   */
  public void reopen(Appeal appeal, ClockKind kind) {
    clocks.reopenLast(appeal.id(), kind).ifPresent(c -> journal.record(appeal.id(), JournalEvent.DEADLINE_REOPENED,
        Actor.current(identityService), Map.of("kind", kind.name(), "due", c.dueAt().toInstant().toString())));
  }

  /**
   * When a unit would have to acknowledge an appeal dispatched at this instant, by the current policy
   * (deadline-policy.dmn) and calendar: what a citizen is told to expect when they submit.
   */
  public Instant responseDueIfDispatchedAt(Instant at, boolean urgent) {
    WorkingCalendar calendar = calendars.current();
    Map<String, Object> row = decisionService.evaluateDecisionByKey(AppealProcess.DECISION_RESPONSE_DEADLINE)
        .variables(Map.of("urgent", urgent, AppealProcess.VAR_ARRIVED_IN_WORKING_TIME, calendar.isWorkingTime(at)))
        .evaluate().getSingleResult().getEntryMap();
    DeadlinePolicy policy = DeadlinePolicy.fromDecision(row, "responseDuration", "responseBasis");
    return calendar.add(at, policy.allowed(), policy.basis());
  }

  /** The due instant of the appeal's running clock of this kind, if one runs. */
  public java.util.Optional<Instant> runningDue(long appealId, ClockKind kind) {
    return clocks.open(appealId, kind).map(c -> c.dueAt().toInstant());
  }

  /**
   * Gives the appeal's running clock of this kind a new deadline (a supervision notice, an approved extension), with
   * its task's due date and its timers. A reminder is due again at the configured share of the new time, unless the
   * clock is already overdue.
   */
  public void move(Appeal appeal, ClockKind kind, Instant newDue, String reason) {
    Clock c = openClock(appeal.id(), kind);
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

  /** 催办: the reminder timer fired. Once per clock, even if the unit's task is entered again. */
  public void remind(Appeal appeal, ClockKind kind) {
    clocks.open(appeal.id(), kind).filter(c -> c.remindedAt() == null).ifPresent(c -> {
      clocks.markReminded(c);
      journal.record(appeal.id(), JournalEvent.REMINDED, Actor.current(identityService),
          Map.of("kind", kind.name(), "due", c.dueAt().toInstant().toString()));
      notifications.toUnit(appeal, c.departmentCode(), NotificationKind.REMINDER, Map.of(
          "clockLabel", kind.label(), "dueAt", EngineClock.SHOWN.format(c.dueAt().toInstant())));
    });
  }

  /**
   * The overdue timer fired: the appeal is marked overdue and the unit is told.
   *
   * @return true the first time for this clock; false when the clock was already marked (its timer fires again when a
   *     rejected return sends the appeal back into handling on the same clock) or has stopped
   */
  public boolean markOverdue(Appeal appeal, ClockKind kind) {
    java.util.Optional<Clock> open = clocks.open(appeal.id(), kind).filter(c -> c.overdueAt() == null);
    open.ifPresent(c -> {
      clocks.markOverdue(c);
      journal.record(appeal.id(), JournalEvent.OVERDUE, Actor.current(identityService),
          Map.of("kind", kind.name(), "due", c.dueAt().toInstant().toString(), "detectedAt", "timer"));
      notifications.toUnit(appeal, c.departmentCode(), NotificationKind.OVERDUE, Map.of(
          "clockLabel", kind.label(), "dueAt", EngineClock.SHOWN.format(c.dueAt().toInstant())));
    });
    return open.isPresent();
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
