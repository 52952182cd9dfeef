package org.wenzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.citizen.CitizenConversation;
import org.wenzheng.citizen.CitizenRatings;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * The engine keeps a lean history (AuditHistoryLevel), and the auditor loses nothing by it: for an appeal taken along
 * the whole plain path, the timeline still shows every step with who, their unit and when, every value a person
 * submitted, and every message sent, while the engine's tables no longer hold gateways or what the system computed.
 */
@WenzhengTest
class AuditHistoryTest {

  @Autowired Scenario scenario;
  @Autowired HistoryService historyService;
  @Autowired AuditTimeline timelines;
  @Autowired CitizenRatings ratings;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void shouldShowAuditorsEveryStepDecisionAndMessageOfTheLeanHistory() {
    Scenario.clock("2026-03-04T10:00");
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已修复，感谢监督。");
    ratings.rate(scenario.reload(appeal), Satisfaction.SATISFIED, "很快", CitizenConversation.Via.LINK);
    scenario.runJobs(appeal);
    Appeal archived = scenario.reload(appeal);
    assertThat(archived.status()).isEqualTo(AppealStatus.ARCHIVED);
    String pi = archived.processInstanceId();

    // The engine's history: steps and events, no routing; only what people submitted among the variables.
    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(pi).list();
    assertThat(activities).extracting(HistoricActivityInstance::getActivityType)
        .noneMatch(type -> type.endsWith("Gateway")).doesNotContain("subProcess");
    assertThat(activities).extracting(HistoricActivityInstance::getActivityId).contains(
        AppealProcess.START_EVENT, AppealProcess.TASK_REVIEW, AppealProcess.TASK_DISPATCH,
        AppealProcess.TASK_DETERMINE_RESPONSE_DEADLINE, AppealProcess.TASK_ACKNOWLEDGE, AppealProcess.TASK_HANDLE,
        AppealProcess.TASK_REVIEW_REPLY, AppealProcess.TASK_SEND_REPLY, AppealProcess.EVENT_CITIZEN_RATED,
        AppealProcess.TASK_CONCLUDE, AppealProcess.TASK_ARCHIVE, AppealProcess.END_ARCHIVED);
    Set<String> kept = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).list().stream()
        .map(HistoricVariableInstance::getName).collect(Collectors.toSet());
    assertThat(kept).contains(AppealProcess.VAR_REVIEW_DECISION, AppealProcess.VAR_DEPARTMENT_CODE,
            AppealProcess.VAR_HANDLING_OUTCOME, AppealProcess.VAR_REPLY_TEXT, AppealProcess.VAR_SATISFACTION)
        .doesNotContain(AppealProcess.VAR_RESPONSE_POLICY, AppealProcess.VAR_DEPARTMENT_NAME,
            AppealProcess.VAR_RESPONSE_DUE_AT, AppealProcess.VAR_TRACKING_NUMBER);

    // The auditor's timeline: every journal step, with who and their unit, in order.
    AuditTimeline.Timeline timeline = timelines.of(archived);
    List<AuditTimeline.Step> steps = timeline.steps();
    List<String> journal = jdbc.sql("select type from appeal_event where appeal_id = ? and type not like "
        + "'NOTIFICATION%' order by id").param(appeal.id()).query(String.class).list();
    assertThat(journal).contains("RECEIVED", "REVIEWED", "DISPATCHED", "ACKNOWLEDGED", "HANDLED", "REPLIED",
        "RATED", "CONCLUDED", "ARCHIVED");
    assertThat(steps.stream().filter(s -> s.source().equals("journal")).map(AuditTimeline.Step::what).toList())
        .containsExactlyElementsOf(journal.stream().map(JournalEvent::labelOf).toList());
    assertThat(steps).filteredOn(s -> s.what().equals(JournalEvent.labelOf("HANDLED"))).singleElement()
        .satisfies(s -> {
          assertThat(s.who()).isEqualTo("cgw1");
          assertThat(s.unitName()).isEqualTo("市城管委");
          assertThat(s.detail()).containsValue("路灯已修复，感谢监督。");
        });
    // Every decision a person made, with its values, from the engine's side too.
    assertThat(steps).anySatisfy(s -> {
      assertThat(s.source()).isEqualTo("engine-variables");
      assertThat(s.who()).isEqualTo("dispatcher");
      assertThat(s.detail()).containsAllEntriesOf(Map.of(AppealProcess.VAR_REVIEW_DECISION, "ACCEPT",
          AppealProcess.VAR_DEPARTMENT_CODE, "cgw"));
    });
    assertThat(steps).anySatisfy(s -> {
      assertThat(s.what()).isEqualTo("任务完成：审核答复");
      assertThat(s.who()).isEqualTo("dispatcher");
    });
    // Every message sent.
    long messages = jdbc.sql("select count(*) from notification where appeal_id = ?").param(appeal.id())
        .query(Long.class).single();
    assertThat(messages).isPositive();
    assertThat(steps).filteredOn(s -> s.source().equals("message")).hasSize((int) messages);
    assertThat(steps).extracting(AuditTimeline.Step::at).isSorted();
  }
}
