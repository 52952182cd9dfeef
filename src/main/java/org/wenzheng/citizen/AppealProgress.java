package org.wenzheng.citizen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealEvent;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealStatus;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;

/**
 * An appeal as its citizen follows it: where it stands, which unit has it, by when it must be acknowledged and
 * answered (and whether that was missed), the reply, and the steps so far in plain words. No staff names, no other
 * citizen's data; what the citizen may do now (answer a question, rate the reply) comes with a signed token.
 */
@Service
public class AppealProgress {

  public record Step(String at, String what, String detail) {
  }

  public record View(String trackingNumber, String title, String content, String status, String unit,
      String receivedAt, String responseDue, boolean responseMissed, String resolutionDue, boolean resolutionMissed,
      boolean answered, String reply, String repliedAt, String outcome, String satisfaction, List<Step> steps,
      String question, String questionDue, String answerToken, String ratingClosesAt, String rateToken,
      String mergedInto) {
  }

  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final CitizenConversation conversation;
  private final CitizenRatings ratings;
  private final CitizenLinks links;
  private final Directory directory;
  private final ObjectMapper json;

  AppealProgress(AppealRepository appeals, AppealJournal journal, CitizenConversation conversation, CitizenRatings ratings,
      CitizenLinks links, Directory directory, ObjectMapper json) {
    this.appeals = appeals;
    this.journal = journal;
    this.conversation = conversation;
    this.ratings = ratings;
    this.links = links;
    this.directory = directory;
    this.json = json;
  }

  /** The appeal with this tracking number, if these are the last four digits of its citizen's phone. */
  public Optional<Appeal> find(String trackingNumber, String phoneLast4) {
    return appeals.findByTrackingNumber(trackingNumber)
        .filter(a -> a.citizenPhone() != null && a.citizenPhone().length() >= 4
            && a.citizenPhone().endsWith(phoneLast4));
  }

  public View of(Appeal a) {
    Instant now = EngineClock.now();
    boolean waitingForAcknowledgement = a.status() == AppealStatus.DISPATCHED;
    boolean open = a.repliedAt() == null && a.dispatchedAt() != null && a.status() != AppealStatus.REJECTED
        && a.status() != AppealStatus.MERGED;
    String responseDue = waitingForAcknowledgement ? shown(a.responseDueAt()) : null;
    boolean responseMissed = a.responseOverdue()
        || (waitingForAcknowledgement && a.responseDueAt() != null && a.responseDueAt().toInstant().isBefore(now));
    String resolutionDue = open ? shown(a.resolutionDueAt()) : null;
    boolean resolutionMissed = a.resolutionOverdue()
        || (open && a.resolutionDueAt() != null && a.resolutionDueAt().toInstant().isBefore(now));
    Optional<CitizenConversation.Question> question = conversation.pendingQuestion(a.id());
    boolean rateable = ratings.ratingOpen(a);
    String mergedInto = a.mergedInto() == null ? null : appeals.get(a.mergedInto()).trackingNumber();
    return new View(a.trackingNumber(), a.title(), a.content(), a.status().label(),
        a.departmentCode() == null ? null : directory.unitName(a.departmentCode()), shown(a.receivedAt()),
        responseDue, responseMissed, resolutionDue, resolutionMissed, a.replyText() != null && a.repliedAt() != null,
        a.repliedAt() == null ? null : a.replyText(), shown(a.repliedAt()),
        a.handlingOutcome() == null || a.repliedAt() == null ? null : a.handlingOutcome().label(),
        a.satisfaction() == null ? null : a.satisfaction().label(), steps(a),
        question.map(CitizenConversation.Question::question).orElse(null),
        question.map(q -> shown(q.answerDueAt())).orElse(null),
        question.isPresent() ? links.token(a.id(), CitizenLinks.Purpose.ANSWER) : null,
        rateable ? shown(a.ratingClosesAt()) : null,
        rateable ? links.token(a.id(), CitizenLinks.Purpose.RATE) : null, mergedInto);
  }

  private List<Step> steps(Appeal a) {
    List<Step> steps = new ArrayList<>();
    for (AppealEvent e : journal.events(a.id())) {
      JsonNode d = parse(e.detail());
      String at = shown(e.occurredAt());
      String unit = d.hasNonNull("departmentCode") ? directory.unitName(d.get("departmentCode").asText()) : null;
      JournalEvent event = e.event();
      if (event == null) {
        continue;
      }
      switch (event) {
        case RECEIVED -> steps.add(new Step(at, "诉求已登记", null));
        case REVIEWED -> {
          switch (d.path("decision").asText()) {
            case "ACCEPT" -> steps.add(new Step(at, "调度中心已受理", null));
            case "REJECT" -> steps.add(new Step(at, "不予受理", d.path("rejectNote").asText(null)));
            case "MERGE" -> steps.add(new Step(at, "与同一问题的诉求 " + d.path("mergedInto").asText() + " 合并办理",
                null));
            default -> { }
          }
        }
        case DISPATCHED -> steps.add(new Step(at, "已转交" + unit + "办理", null));
        case ACKNOWLEDGED -> steps.add(new Step(at, unit + "已签收", null));
        case QUESTION_ASKED -> steps.add(new Step(at, "承办单位向您了解情况", d.path("question").asText(null)));
        case QUESTION_ANSWERED, QUESTION_ANSWERED_LATE -> steps.add(new Step(at, "您已答复", null));
        case QUESTION_UNANSWERED -> steps.add(new Step(at, "未收到您的答复，承办单位按现有情况继续办理", null));
        case RETURN_AGREED -> steps.add(new Step(at, "调度中心重新确定承办单位", null));
        case DISPUTE_RULED -> steps.add(new Step(at, "督查室确定由" + directory.unitName(d.path("leadUnit").asText())
            + "主办", null));
        case SUPERVISED -> steps.add(new Step(at, "督查室已督办", null));
        case EXTENSION_APPROVED -> steps.add(new Step(at, "办理期限延长至 "
            + EngineClock.SHOWN.format(Instant.parse(d.path("until").asText())), null));
        case REPLIED -> steps.add(new Step(at, (unit == null ? "承办单位" : unit) + "已答复", null));
        case RATED -> steps.add(new Step(at, "您的评价：" + label(Satisfaction.class, d.path("satisfaction").asText()),
            null));
        case VISITED -> steps.add(new Step(at, "调度中心回访：" + label(Satisfaction.class,
            d.path("satisfaction").asText()), null));
        case REDO -> steps.add(new Step(at, "退回承办单位重新办理", null));
        case CONCLUDED -> steps.add(new Step(at, "已办结", null));
        default -> { }
      }
    }
    return steps;
  }

  private static <E extends Enum<E> & Labelled> String label(Class<E> type, String name) {
    return Labelled.parse(type, name).map(Labelled::label).orElse(name);
  }

  private JsonNode parse(String detail) {
    try {
      return json.readTree(detail == null ? "{}" : detail);
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }

  static String shown(OffsetDateTime t) {
    return t == null ? null : EngineClock.SHOWN.format(t.toInstant());
  }
}
