package org.wenzheng.audit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How long Camunda keeps the history of finished appeals: {@code wenzheng.history.time-to-live-days} (five years
 * by default). The models carry the same default ({@code camunda:historyTimeToLive}); at start the setting is applied
 * to every deployed version of every process and decision, so that an operator changes it in one place. Camunda's
 * history cleanup removes what is due in its nightly window ({@code history-cleanup-batch-window-*}); the project's
 * own tables (the appeal, its journal and audit chain, the figures) are never cleaned up.
 */
@Component
class HistoryRetention {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final RepositoryService repositoryService;
  private final int days;

  HistoryRetention(RepositoryService repositoryService,
      @Value("${wenzheng.history.time-to-live-days}") int days) {
    if (days < 1) {
      throw new IllegalArgumentException("wenzheng.history.time-to-live-days must be at least 1, was " + days);
    }
    this.repositoryService = repositoryService;
    this.days = days;
  }

  @EventListener(ApplicationReadyEvent.class)
  void apply() {
    int changed = 0;
    for (ProcessDefinition p : repositoryService.createProcessDefinitionQuery().list()) {
      if (p.getHistoryTimeToLive() == null || p.getHistoryTimeToLive() != days) {
        repositoryService.updateProcessDefinitionHistoryTimeToLive(p.getId(), days);
        changed++;
      }
    }
    for (DecisionDefinition d : repositoryService.createDecisionDefinitionQuery().list()) {
      if (d.getHistoryTimeToLive() == null || d.getHistoryTimeToLive() != days) {
        repositoryService.updateDecisionDefinitionHistoryTimeToLive(d.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      log.info("History time to live set to {} days on {} process and decision definitions", days, changed);
    }
  }
}
