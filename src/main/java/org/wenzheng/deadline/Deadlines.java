package org.wenzheng.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.calendar.WorkingCalendar;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * The clocks of an appeal: started at dispatch (response and resolution) and at a redo (resolution), read by the
 * process's timers, reminding the unit at a share of the allowed time (75% by default), marking the appeal overdue
 * when time runs out, frozen when the step completes. Moving a running clock is {@link DeadlineMoves}'s; what a
 * citizen is promised on submitting, {@link ResponseForecast}'s.
 */
@Service
@NamedInterface("clocks")
public class Deadlines {

  private final ClockRepository clocks;
  private final Calendars calendars;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final DeadlineProperties properties;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;

  Deadlines(ClockRepository clocks, Calendars calendars, AppealJournal journal, Notifications notifications,
      DeadlineProperties properties, IdentityService identityService, ApplicationEventPublisher events) {
    this.events = events;
    this.clocks = clocks;
    this.calendars = calendars;
    this.journal = journal;
    this.notifications = notifications;
    this.properties = properties;
    this.identityService = identityService;
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

  /** The due instant of the appeal's running clock of this kind, if one runs. */
  public java.util.Optional<Instant> runningDue(long appealId, ClockKind kind) {
    return clocks.open(appealId, kind).map(c -> c.dueAt().toInstant());
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
}
