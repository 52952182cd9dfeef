package org.wenzheng.deadline;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.ProcessFunction;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.identity.SystemActions;

/**
 * Read by the Appeal process's timers and task due dates, e.g. {@code ${appealClocks.due(execution, 'RESPONSE')}}.
 * The clock row is the one source of the instant, so a recalculated deadline is picked up when the engine re-evaluates
 * the timer.
 */
@Component("appealClocks")
@NamedInterface("clocks")
public class AppealClocks {

  private final AppealTasks tasks;
  private final Deadlines deadlines;
  private final ReviewDeadlines reviewDeadlines;
  private final SystemActions system;
  private final ClockRepository clocks;

  AppealClocks(AppealTasks tasks, Deadlines deadlines, ReviewDeadlines reviewDeadlines, SystemActions system,
      ClockRepository clocks) {
    this.clocks = clocks;
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.reviewDeadlines = reviewDeadlines;
    this.system = system;
  }

  /**
   * The review task's due date ({@code ${appealClocks.reviewDue(execution)}}): the review policy counted from now,
   * when the appeal reaches review (on arrival, or again after an agreed return). The policy is read as the system:
   * whoever's step led here need not be allowed to evaluate decisions.
   */
  @ProcessFunction
  public Date reviewDue(DelegateExecution execution) {
    boolean urgent = tasks.appealOf(execution).urgent();
    return Date.from(system.call(() -> reviewDeadlines.dueFrom(EngineClock.now(), urgent)));
  }

  @ProcessFunction
  public Date due(DelegateExecution execution, String kind) {
    return deadlines.due(tasks.appealOf(execution).id(), ClockKind.valueOf(kind));
  }

  @ProcessFunction
  public Date reminder(DelegateExecution execution, String kind) {
    return deadlines.reminder(tasks.appealOf(execution).id(), ClockKind.valueOf(kind));
  }

  /** Every clock the appeal has had, in the order they started (for its audit trail). */
  public List<Clock> history(long appealId) {
    return clocks.of(appealId).stream()
        .sorted(Comparator.comparing(Clock::startedAt).thenComparing(Clock::id)).toList();
  }
}
