package org.wenzheng.handling;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.citizen.CitizenRatings;
import org.wenzheng.citizen.CitizenLinks;
import org.wenzheng.directory.Directory;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * {@code Task_SendReply} 答复诉求人, after the dispatch centre approved the reply. The reply and its recipient are read
 * from the same appeal row, found by this instance's business key, so a reply can only ever go to its own appeal's
 * citizen, with a signed link to rate it; the citizens of duplicates merged into this appeal get the same reply.
 */
@Component
class SendReplyDelegate implements JavaDelegate {

  private final AppealTasks tasks;
  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Notifications notifications;
  private final Directory directory;
  private final CitizenRatings ratings;
  private final CitizenLinks links;
  private final SharedReplies sharedReplies;

  SendReplyDelegate(AppealTasks tasks, AppealRepository appeals, AppealSteps steps, Notifications notifications,
      Directory directory, CitizenRatings ratings, CitizenLinks links,
      SharedReplies sharedReplies) {
    this.sharedReplies = sharedReplies;
    this.tasks = tasks;
    this.appeals = appeals;
    this.steps = steps;
    this.notifications = notifications;
    this.directory = directory;
    this.ratings = ratings;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    Instant ratingCloses = ratings.ratingWindowFromNow();
    steps.replied(appeal, EngineClock.utc(ratingCloses));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("unitName", directory.unitName(appeal.departmentCode()));
    model.put("replyText", appeal.replyText());
    model.put("outcomeLabel", appeal.handlingOutcome().label());
    model.put("rateUrl", links.url(appeal.id(), CitizenLinks.Purpose.RATE));
    model.put("ratingClosesAt", EngineClock.SPOKEN.format(ratingCloses));
    notifications.toCitizen(appeal, NotificationKind.REPLY, model);

    appeals.mergedInto(appeal.id()).forEach(merged -> sharedReplies.share(appeal, merged));
  }
}
