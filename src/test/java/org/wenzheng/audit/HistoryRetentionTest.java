package org.wenzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.reporting.Period;
import org.wenzheng.reporting.ReportQueries;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * Camunda's history of finished appeals is kept for the configured time and removed in a nightly window; what the
 * city and its auditors rely on afterwards (the appeal, its journal and audit chain) is the project's own and stays.
 */
@WenzhengTest
class HistoryRetentionTest {

  @Autowired Scenario scenario;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired AuditChain chain;
  @Autowired AuditTimeline timeline;
  @Autowired ReportQueries reports;

  @Test
  void shouldKeepFiveYearsOfHistoryAndCleanItUpAtNight() {
    assertThat(repositoryService.createProcessDefinitionQuery().list())
        .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).isEqualTo(1825));
    assertThat(repositoryService.createDecisionDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(1825));
    // 01:00-05:00 in Chengdu, whatever the JVM's zone (Camunda reads the window in the JVM's zone).
    java.time.ZoneId office = java.time.ZoneId.of("Asia/Shanghai");
    java.time.LocalDate today = java.time.LocalDate.now(office);
    for (String[] w : new String[][] {{engineConfiguration.getHistoryCleanupBatchWindowStartTime(), "01:00"},
        {engineConfiguration.getHistoryCleanupBatchWindowEndTime(), "05:00"}}) {
      assertThat(java.time.LocalTime.parse(w[0]).atDate(today).atZone(java.time.ZoneId.systemDefault())
          .withZoneSameInstant(office).toLocalTime()).isEqualTo(java.time.LocalTime.parse(w[1]));
    }
    assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void shouldKeepTheAppealItsJournalAndItsChainWhenTheEngineHistoryIsGone() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已修复。");
    scenario.visit(appeal, "SATISFIED");
    String definition = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(appeal.processInstanceId()).singleResult().getProcessDefinitionId();
    // As if five years had passed: this appeal's history is due for removal as soon as it ends.
    repositoryService.updateProcessDefinitionHistoryTimeToLive(definition, 0);
    try {
      scenario.runJobs(appeal);
      assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.ARCHIVED);
      List<String> before = scenario.events(appeal);

      Job cleanup = historyService.cleanUpHistoryAsync(true);
      managementService.executeJob(cleanup.getId());

      assertThat(historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(appeal.processInstanceId()).count()).isZero();
      assertThat(historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(appeal.processInstanceId()).count()).isZero();
      Appeal archived = scenario.reload(appeal);
      assertThat(archived.status()).isEqualTo(AppealStatus.ARCHIVED);
      assertThat(archived.replyText()).isEqualTo("路灯已修复。");
      assertThat(scenario.events(appeal)).containsAll(before).contains("REPLIED", "VISITED", "ARCHIVED");
      while (chain.seal() > 0) {
        // seal what the steps above wrote
      }
      assertThat(chain.verify().intact()).isTrue();
      AuditTimeline.Timeline trace = timeline.of(archived);
      assertThat(trace.engineHistoryAvailable()).isFalse();
      assertThat(trace.steps()).extracting(AuditTimeline.Step::what).contains("审核", "转办", "签收", "答复诉求人",
          "回访", "办结", "归档");
      assertThat(trace.deadlines()).hasSize(2);
      // The city's figures still count it.
      Period month = Period.month(LocalDate.ofInstant(archived.receivedAt().toInstant(), EngineClock.ZONE));
      assertThat(reports.appeals(month, "concluded", "unit", "cgw", 100_000))
          .extracting(ReportQueries.Listed::trackingNumber).contains(archived.trackingNumber());
    } finally {
      repositoryService.updateProcessDefinitionHistoryTimeToLive(definition, 1825);
    }
  }
}
