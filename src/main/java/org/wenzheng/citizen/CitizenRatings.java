package org.wenzheng.citizen;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.identity.SystemActions;

/**
 * 评价: the citizen's own rating of the reply, from the track page, a signed link or a channel, within the rating
 * window after the reply went out; recorded and correlated to the waiting Appeal process in one transaction.
 */
@Service
@NamedInterface("conversation")
public class CitizenRatings {

  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final CitizenProperties properties;
  private final RuntimeService runtimeService;
  private final SystemActions system;

  CitizenRatings(AppealRepository appeals, AppealSteps steps, CitizenProperties properties,
      RuntimeService runtimeService, SystemActions system) {
    this.appeals = appeals;
    this.steps = steps;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** The reply went out: from now the citizen may rate it online for {@code wenzheng.citizen.rating-window}. */
  public Instant ratingWindowFromNow() {
    return EngineClock.now().plus(Duration.parse(properties.ratingWindow()));
  }

  /** Whether the citizen may rate the reply now. */
  public boolean ratingOpen(Appeal appeal) {
    return appeal.status() == AppealStatus.REPLIED && appeal.ratingClosesAt() != null
        && appeal.ratingClosesAt().toInstant().isAfter(EngineClock.now());
  }

  /**
   * The citizen rates the reply. Satisfied (or basically) concludes the appeal without a call; unsatisfied goes to
   * the dispatch centre, which calls to find out why and whether the unit caused it.
   */
  @Transactional
  public void rate(Appeal appeal, Satisfaction satisfaction, String comment, CitizenConversation.Via via) {
    Appeal locked = appeals.lockForUpdate(appeal.id());
    if (!ratingOpen(locked)) {
      throw new CitizenConversation.NothingToDo("本件诉求目前不在评价期内");
    }
    if (satisfaction == Satisfaction.UNREACHABLE) {
      throw new IllegalArgumentException("satisfaction");
    }
    steps.rated(locked, satisfaction, comment, via.name());
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(AppealProcess.VAR_SATISFACTION, satisfaction.name());
    vars.put(AppealProcess.VAR_VISIT_NOTE, comment);
    vars.put(AppealProcess.VAR_CITIZEN_RATING, satisfaction.label() + (comment == null ? "" : "：" + comment));
    system.run(() -> runtimeService.createMessageCorrelation(AppealProcess.MESSAGE_CITIZEN_RATED)
        .processInstanceId(locked.processInstanceId()).setVariables(vars).correlate());
  }
}
