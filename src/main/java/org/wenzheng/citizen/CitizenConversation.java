package org.wenzheng.citizen;

import static org.wenzheng.calendar.EngineClock.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealTasks;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.ProcessFunction;
import org.wenzheng.calendar.Basis;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.DeadlineDuration;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;
import org.wenzheng.directory.Directory;
import org.wenzheng.identity.SystemActions;
import org.wenzheng.notification.NotificationKind;
import org.wenzheng.notification.Notifications;

/**
 * 沟通: a handler's question to the citizen and the citizen's answer. Answers arrive from the track page, from a
 * signed link in a message, or from a channel adapter; each is recorded and correlated to the waiting Appeal process
 * in one transaction. Also the source of the two waiting timers the models name
 * ({@code ${citizenConversation.answerDue(execution)}}, {@code ...ratingCloses(execution)}); the rating itself is
 * {@link CitizenRatings}'.
 */
@Service("citizenConversation")
@NamedInterface("conversation")
public class CitizenConversation {

  /** How a citizen's answer or rating reached us. */
  public enum Via { PAGE, LINK, CHANNEL }

  public record Question(long id, long appealId, String departmentCode, String question, String askedBy,
      OffsetDateTime askedAt, OffsetDateTime answerDueAt, String status, String answer, OffsetDateTime answeredAt,
      String answeredVia) {

    public boolean open() {
      return "OPEN".equals(status);
    }
  }

  /** The citizen tried to answer or rate when nothing asks for it (already done, window closed). */
  public static class NothingToDo extends RuntimeException {
    public NothingToDo(String message) {
      super(message);
    }
  }

  private static final String COLUMNS = """
      id, appeal_id, department_code, question, asked_by, asked_at, answer_due_at, status, answer, answered_at,
      answered_via""";

  private final JdbcClient jdbc;
  private final AppealTasks tasks;
  private final AppealJournal journal;
  private final Notifications notifications;
  private final Calendars calendars;
  private final CitizenLinks links;
  private final CitizenProperties properties;
  private final Directory directory;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemActions system;

  CitizenConversation(JdbcClient jdbc, AppealTasks tasks, AppealJournal journal,
      Notifications notifications, Calendars calendars, CitizenLinks links, CitizenProperties properties,
      Directory directory, RuntimeService runtimeService, IdentityService identityService, SystemActions system) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.journal = journal;
    this.notifications = notifications;
    this.calendars = calendars;
    this.links = links;
    this.properties = properties;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.system = system;
  }

  // --- questions (沟通) -------------------------------------------------------------------------------------------

  /** The handler's question goes to the citizen; the answer is awaited for {@code wenzheng.citizen.answer-time}. */
  public Question ask(Appeal appeal, String question) {
    Instant now = EngineClock.now();
    Instant due = calendars.current().add(now, DeadlineDuration.parse(properties.answerTime()), Basis.WORKING);
    Actor actor = Actor.current(identityService);
    long id = jdbc.sql("""
            insert into appeal_question (appeal_id, department_code, question, asked_by, asked_at, answer_due_at)
            values (?, ?, ?, ?, ?, ?) returning id""")
        .params(appeal.id(), appeal.departmentCode(), question, actor.userId(), utc(now), utc(due))
        .query(Long.class).single();
    journal.record(appeal.id(), JournalEvent.QUESTION_ASKED, actor, Map.of("questionId", id, "departmentCode",
        appeal.departmentCode(), "question", question, "answerDue", due.toString()));
    notifications.toCitizen(appeal, NotificationKind.QUESTION, Map.of(
        "unitName", directory.unitName(appeal.departmentCode()), "question", question,
        "dueAt", EngineClock.SHOWN.format(due), "answerUrl", links.url(appeal.id(), CitizenLinks.Purpose.ANSWER)));
    return get(id);
  }

  public Optional<Question> openQuestion(long appealId) {
    return jdbc.sql("select " + COLUMNS + " from appeal_question where appeal_id = ? and status = 'OPEN'")
        .param(appealId).query(Rows.of(Question.class)).optional();
  }

  /** The last question, if the citizen has not answered it yet (still waited for, or answered late if at all). */
  public Optional<Question> pendingQuestion(long appealId) {
    return jdbc.sql("select " + COLUMNS + " from appeal_question where appeal_id = ? order by id desc limit 1")
        .param(appealId).query(Rows.of(Question.class)).optional().filter(q -> q.answer() == null);
  }

  public List<Question> questions(long appealId) {
    return jdbc.sql("select " + COLUMNS + " from appeal_question where appeal_id = ? order by id").param(appealId)
        .query(Rows.of(Question.class)).list();
  }

  /**
   * The citizen's answer. Within the answer time it wakes the waiting process, which goes back to the handler; after
   * it (handling already went on) it is still recorded and the unit is told, but nothing waits for it.
   *
   * @throws NothingToDo when no question was ever asked or the last one was answered already
   */
  @Transactional
  public void answer(Appeal appeal, String text, Via via) {
    Question q = jdbc.sql("select " + COLUMNS + " from appeal_question where appeal_id = ? order by id desc "
        + "limit 1 for update").param(appeal.id()).query(Rows.of(Question.class)).optional()
        .filter(x -> x.answer() == null)
        .orElseThrow(() -> new NothingToDo("目前没有需要您答复的问题"));
    boolean inTime = q.open();
    jdbc.sql("update appeal_question set status = ?, answer = ?, answered_at = ?, answered_via = ? where id = ?")
        .params(inTime ? "ANSWERED" : q.status(), text, EngineClock.nowUtc(), via.name(), q.id()).update();
    journal.record(appeal.id(), inTime ? JournalEvent.QUESTION_ANSWERED : JournalEvent.QUESTION_ANSWERED_LATE,
        Actor.CITIZEN, Map.of("questionId", q.id(), "answer", text, "via", via.name()));
    notifications.toUnit(appeal, q.departmentCode(), NotificationKind.ANSWER_RECEIVED, Map.of(
        "question", q.question(), "answer", text, "late", !inTime));
    String conversation = conversationText(appeal.id());
    system.run(() -> {
      if (inTime) {
        runtimeService.createMessageCorrelation(AppealProcess.MESSAGE_CITIZEN_REPLIED)
            .processInstanceId(appeal.processInstanceId())
            .setVariable(AppealProcess.VAR_CONVERSATION, conversation)
            .correlate();
      } else if (isRunning(appeal)) {
        runtimeService.setVariable(appeal.processInstanceId(), AppealProcess.VAR_CONVERSATION, conversation);
      }
    });
  }

  /** The answer time ran out: handling goes on without the answer. */
  public void unanswered(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    openQuestion(appeal.id()).ifPresent(q -> {
      jdbc.sql("update appeal_question set status = 'UNANSWERED' where id = ? and status = 'OPEN'").param(q.id())
          .update();
      journal.record(appeal.id(), JournalEvent.QUESTION_UNANSWERED, Actor.SYSTEM, Map.of("questionId", q.id()));
    });
    execution.setVariable(AppealProcess.VAR_CONVERSATION, conversationText(appeal.id()));
  }

  /** For the timer after {@code Task_AskCitizen}. */
  @ProcessFunction
  public Date answerDue(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    return Date.from(openQuestion(appeal.id()).orElseThrow(() -> new IllegalStateException(
        "no open question for " + appeal.trackingNumber())).answerDueAt().toInstant());
  }

  /** The questions and answers so far, as the handling form shows them. */
  public String conversationText(long appealId) {
    return questions(appealId).stream().map(q -> {
      String line = EngineClock.SHOWN.format(q.askedAt().toInstant()) + " 问：" + q.question();
      if (q.answer() != null) {
        line += "\n\n" + EngineClock.SHOWN.format(q.answeredAt().toInstant()) + " 诉求人答："
            + q.answer() + ("UNANSWERED".equals(q.status()) ? "（逾期答复）" : "");
      } else if ("UNANSWERED".equals(q.status())) {
        line += "\n\n诉求人未在 " + EngineClock.SHOWN.format(q.answerDueAt().toInstant()) + " 前答复";
      } else {
        line += "\n\n（等待诉求人答复，至 " + EngineClock.SHOWN.format(q.answerDueAt().toInstant()) + "）";
      }
      return line;
    }).collect(Collectors.joining("\n\n"));
  }

  // --- the timer of the rating window (the rating itself: CitizenRatings) -------------------------------------------

  /** For the timer after {@code Task_SendReply}. */
  @ProcessFunction
  public Date ratingCloses(DelegateExecution execution) {
    Appeal appeal = tasks.appealOf(execution);
    if (appeal.ratingClosesAt() == null) {
      throw new IllegalStateException("no rating window for " + appeal.trackingNumber());
    }
    return Date.from(appeal.ratingClosesAt().toInstant());
  }

  private boolean isRunning(Appeal appeal) {
    return appeal.processInstanceId() != null && runtimeService.createProcessInstanceQuery()
        .processInstanceId(appeal.processInstanceId()).count() > 0;
  }

  private Question get(long id) {
    return jdbc.sql("select " + COLUMNS + " from appeal_question where id = ?").param(id).query(Rows.of(Question.class))
        .single();
  }

}
