package org.wenzheng.handling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealSteps;
import org.wenzheng.directory.Directory;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/** A duplicate merged into another appeal receives that appeal's reply, as its own record and by message. */
@Service
@NamedInterface("replies")
public class SharedReplies {

  private final AppealRepository appeals;
  private final AppealSteps steps;
  private final Notifications notifications;
  private final Directory directory;

  SharedReplies(AppealRepository appeals, AppealSteps steps, Notifications notifications, Directory directory) {
    this.appeals = appeals;
    this.steps = steps;
    this.notifications = notifications;
    this.directory = directory;
  }

  public void share(Appeal primary, Appeal merged) {
    steps.repliedWith(merged, primary);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("unitName", directory.unitName(primary.departmentCode()));
    model.put("replyText", primary.replyText());
    model.put("outcomeLabel", primary.handlingOutcome().label());
    model.put("sharedFrom", primary.trackingNumber());
    notifications.toCitizen(appeals.get(merged.id()), NotificationKind.REPLY, model);
  }
}
