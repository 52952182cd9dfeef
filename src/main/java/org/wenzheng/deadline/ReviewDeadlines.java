package org.wenzheng.deadline;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.WorkingCalendar;

/**
 * When the dispatch centre should have reviewed an appeal: the review task's due date, which 已超期 and 即将超期 show.
 *
 * <p>The table (deadline-policy.dmn, 审核时限) answers the same for every appeal with the same input, so its answer is
 * kept per deployed version of the table and per input: a process owner's new version is read at the first appeal
 * after its deployment, and an arriving appeal costs one look-up of the latest version instead of an evaluation with
 * its history rows (a quarter of intake's throughput when it was evaluated for every appeal, README "Load and
 * scale"). The evaluation is standalone (not part of an appeal's process), so its history named no appeal anyway.
 */
@Component
class ReviewDeadlines {

  private final Calendars calendars;
  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final Map<String, DeadlinePolicy> policies = new ConcurrentHashMap<>();

  ReviewDeadlines(Calendars calendars, DecisionService decisionService, RepositoryService repositoryService) {
    this.calendars = calendars;
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
  }

  /** The due instant for an appeal that reaches review at this instant, by the current policy and calendar. */
  Instant dueFrom(Instant at, boolean requestedUrgent) {
    WorkingCalendar calendar = calendars.current();
    String table = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(AppealProcess.DECISION_REVIEW_DEADLINE).latestVersion().singleResult().getId();
    DeadlinePolicy policy = policies.computeIfAbsent(table + "/" + requestedUrgent, key -> DeadlinePolicy.fromDecision(
        decisionService.evaluateDecisionById(table).variables(Map.of("requestedUrgent", requestedUrgent)).evaluate()
            .getSingleResult().getEntryMap(), "reviewDuration", "reviewBasis"));
    return calendar.add(at, policy.allowed(), policy.basis());
  }
}
