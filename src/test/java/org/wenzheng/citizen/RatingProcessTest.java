package org.wenzheng.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengProcessTest;

/**
 * 评价: the citizen rates the reply online within three days. Satisfied concludes the appeal without a call;
 * unsatisfied, or no rating at all, is the dispatch centre's return visit by phone.
 */
@WenzhengProcessTest
class RatingProcessTest {

  @Autowired Scenario scenario;
  @Autowired RuntimeService runtimeService;
  @Autowired CitizenRatings ratings;

  private Appeal replied() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    Scenario.clock("2026-03-04T16:00");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已修复。");
    return scenario.reload(appeal);
  }

  @Test
  void shouldConcludeWithoutACallWhenTheCitizenIsSatisfiedOnline() {
    Appeal appeal = replied();
    assertThat(appeal.ratingClosesAt().toInstant()).isEqualTo(Scenario.at("2026-03-07T16:00"));
    Scenario.clock("2026-03-05T09:00");
    ratings.rate(appeal, Satisfaction.BASICALLY_SATISFIED, "修好了，就是慢了点。", CitizenConversation.Via.LINK);

    assertThat(scenario.instance(appeal)).hasPassed(AppealProcess.EVENT_CITIZEN_RATED)
        .hasNotPassed(AppealProcess.TASK_RETURN_VISIT).isWaitingAt(AppealProcess.TASK_ARCHIVE);
    Appeal rated = scenario.reload(appeal);
    assertThat(rated.status()).isEqualTo(AppealStatus.CONCLUDED);
    assertThat(rated.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
    assertThat(rated.ratedBy()).isEqualTo("CITIZEN");
    assertThat(rated.visitNote()).isEqualTo("修好了，就是慢了点。");
    assertThat(scenario.events(appeal)).containsSubsequence("REPLIED", "RATED", "CONCLUDED");
    // Once is enough.
    assertThatThrownBy(() -> ratings.rate(rated, Satisfaction.UNSATISFIED, null, CitizenConversation.Via.PAGE))
        .isInstanceOf(CitizenConversation.NothingToDo.class);
  }

  @Test
  void shouldHaveTheDispatchCentreCallAnUnsatisfiedCitizen() {
    Appeal appeal = replied();
    ratings.rate(appeal, Satisfaction.UNSATISFIED, "路灯还是不亮。", CitizenConversation.Via.PAGE);

    Task visit = scenario.task(appeal, AppealProcess.TASK_RETURN_VISIT);
    assertThat(visit).isNotNull().hasCandidateGroup("dispatch");
    assertThat(runtimeService.getVariable(visit.getExecutionId(), AppealProcess.VAR_CITIZEN_RATING))
        .isEqualTo("不满意：路灯还是不亮。");
    assertThat(runtimeService.getVariable(visit.getExecutionId(), AppealProcess.VAR_SATISFACTION))
        .isEqualTo("UNSATISFIED");
    // The call confirms it and finds the unit at fault: the appeal is redone.
    scenario.visitUnsatisfied(appeal, "UNIT", "路灯仍不亮，单位未实际维修。");
    assertThat(scenario.instance(appeal)).isWaitingAt(AppealProcess.TASK_HANDLE);
    assertThat(scenario.reload(appeal).ratedBy()).isEqualTo("DISPATCH");
  }

  @Test
  void shouldCallTheCitizenWhenTheRatingWindowClosesUnused() {
    Appeal appeal = replied();
    Scenario.clock("2026-03-07T15:59");
    assertThat(scenario.fireDueTimers(appeal)).doesNotContain(AppealProcess.TIMER_RATING_WINDOW);
    Scenario.clock("2026-03-07T16:00");
    assertThat(scenario.fireDueTimers(appeal)).contains(AppealProcess.TIMER_RATING_WINDOW);

    Task visit = scenario.task(appeal, AppealProcess.TASK_RETURN_VISIT);
    assertThat(visit).isNotNull();
    assertThat(runtimeService.getVariable(visit.getExecutionId(), AppealProcess.VAR_CITIZEN_RATING)).isNull();
    assertThatThrownBy(() -> ratings.rate(scenario.reload(appeal), Satisfaction.SATISFIED, null,
        CitizenConversation.Via.LINK)).isInstanceOf(CitizenConversation.NothingToDo.class);
    scenario.visit(appeal, "SATISFIED");
    assertThat(scenario.reload(appeal).status()).isEqualTo(AppealStatus.CONCLUDED);
  }
}
