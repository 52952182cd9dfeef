package org.wenzheng.deadline;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.WorkingCalendar;

/**
 * When the dispatch centre should have reviewed an appeal: the review task's due date, which 已超期 and 即将超期 show.
 *
 * <p>The table (deadline-policy.dmn, 审核时限) answers the same for every appeal with the same input, so its answer is
 * kept per deployed version of the table and per input: a process owner's new version is read at the first appeal
 * after its deployment, and an arriving appeal costs one look-up of the latest version's id in the engine's table of
 * decisions (one index probe, in the appeal's own transaction) instead of Camunda's query for the latest definition
 * and an evaluation with its history rows: together a seventh of intake's CPU (README "Load and scale"). The
 * evaluation is standalone (not part of an appeal's process), so its history named no appeal anyway.
 */
@Component
class ReviewDeadlines {

  private final Calendars calendars;
  private final DecisionService decisionService;
  private final JdbcClient jdbc;
  private final Map<String, DeadlinePolicy> policies = new ConcurrentHashMap<>();

  ReviewDeadlines(Calendars calendars, DecisionService decisionService, JdbcClient jdbc) {
    this.calendars = calendars;
    this.decisionService = decisionService;
    this.jdbc = jdbc;
  }

  /** The due instant for an appeal that reaches review at this instant, by the current policy and calendar. */
  Instant dueFrom(Instant at, boolean requestedUrgent) {
    WorkingCalendar calendar = calendars.current();
    // The latest version without a tenant, as Camunda's latestVersion() finds it (unique on key, version, tenant).
    String table = jdbc.sql("select id_ from act_re_decision_def where key_ = ? and tenant_id_ is null "
        + "order by version_ desc limit 1").param(AppealProcess.DECISION_REVIEW_DEADLINE).query(String.class).single();
    DeadlinePolicy policy = policies.computeIfAbsent(table + "/" + requestedUrgent, key -> DeadlinePolicy.fromDecision(
        decisionService.evaluateDecisionById(table).variables(Map.of("requestedUrgent", requestedUrgent)).evaluate()
            .getSingleResult().getEntryMap(), "reviewDuration", "reviewBasis"));
    return calendar.add(at, policy.allowed(), policy.basis());
  }
}
