package org.wenzheng.appeal;

import static org.wenzheng.web.TextInput.blankToNull;

import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Mailbox;

/**
 * The appeal's own facts on every form, read from its row when the form is opened: what the citizen wrote, who and
 * where they are, by which channel and when it arrived. The process keeps none of them, so no task user can change
 * what another reads by writing a variable, and Camunda's history does not hold a second copy of the citizen's data.
 */
@Component
@Order(0)
class AppealFormFacts implements TaskFormFacts {

  private final Directory directory;

  AppealFormFacts(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void addTo(FormTask task, VariableMap form) {
    Appeal a = task.appeal();
    form.put(AppealProcess.VAR_TRACKING_NUMBER, a.trackingNumber());
    form.put(AppealProcess.VAR_TITLE, a.title());
    form.put(AppealProcess.VAR_CONTENT, a.content());
    form.put(AppealProcess.VAR_CHANNEL, a.channel().label());
    form.put(AppealProcess.VAR_RECEIVED_AT, EngineClock.shown(a.receivedAt()));
    form.put(AppealProcess.VAR_LOCATION, blankToNull(a.locationLine()));
    form.put(AppealProcess.VAR_CITIZEN_NAME, a.citizenName());
    form.put(AppealProcess.VAR_CITIZEN_PHONE, a.citizenPhone());
    form.put(AppealProcess.VAR_MAILBOX, a.mailboxCode() == null ? null
        : directory.mailbox(a.mailboxCode()).map(Mailbox::name).orElse(a.mailboxCode()));
    // Until the dispatcher decides, the review form starts from what the channel said.
    if (!task.hasVariable(AppealProcess.VAR_URGENT)) {
      form.put(AppealProcess.VAR_URGENT, a.urgent());
    }
    if (!task.hasVariable(AppealProcess.VAR_APPEAL_TYPE) && a.requestedType() != null) {
      form.put(AppealProcess.VAR_APPEAL_TYPE, a.requestedType().name());
    }
  }
}
