package org.wenzheng.deadline;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.WorkingCalendar;

/** What a citizen is told to expect when they submit: the response deadline if the appeal were dispatched now. */
@Service
@NamedInterface("clocks")
public class ResponseForecast {

  private final Calendars calendars;
  private final DecisionService decisionService;

  ResponseForecast(Calendars calendars, DecisionService decisionService) {
    this.calendars = calendars;
    this.decisionService = decisionService;
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
}
