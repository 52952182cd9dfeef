package org.wenzheng.intake;

import static org.wenzheng.web.TextInput.blankToNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealJournal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.appeal.Channel;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.appeal.NewAppeal;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Mailbox;
import org.wenzheng.identity.SystemActions;
import org.wenzheng.text.AppealWords;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.web.TextInput;

/**
 * 受理: one record and one process instance per appeal, whatever the channel. The appeal row and the start of its
 * process are one transaction: either both exist or neither does.
 */
@Service
@NamedInterface("intake")
public class IntakeService {

  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

  private final AppealRepository appeals;
  private final AppealJournal journal;
  private final Directory directory;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final AppealWords appealWords;
  private final SystemActions system;

  IntakeService(AppealRepository appeals, AppealJournal journal, Directory directory, RuntimeService runtimeService,
      IdentityService identityService, AppealWords appealWords, SystemActions system) {
    this.appealWords = appealWords;
    this.system = system;
    this.appeals = appeals;
    this.journal = journal;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** The outcome of a submission: the appeal, and whether this call registered it. */
  public record Intake(Appeal appeal, boolean created) {
  }

  @Transactional
  public Intake submit(AppealSubmission submission) {
    NewAppeal candidate = toNewAppeal(submission);
    Optional<Appeal> known = appeals.findByChannelMessage(candidate.channel(), candidate.channelMessageId());
    if (known.isPresent()) {
      return new Intake(known.get(), false);
    }
    Instant now = EngineClock.now();
    String trackingNumber = TrackingNumbers.format(now, appeals.nextTrackingSequence());
    Optional<Long> inserted = appeals.insertIfAbsent(candidate, trackingNumber);
    if (inserted.isEmpty()) {
      // A twin request won the race and has committed: answer with its appeal.
      return new Intake(appeals.findByChannelMessage(candidate.channel(), candidate.channelMessageId())
          .orElseThrow(), false);
    }
    long id = inserted.get();
    Actor actor = Actor.current(identityService);
    journal.record(id, JournalEvent.RECEIVED, actor, Map.of("channel", candidate.channel().name(),
        "trackingNumber", trackingNumber));
    // The words are segmented once, now, for the duplicate check at review and the hot topics.
    appealWords.index(id, EngineClock.utc(now), candidate.title(), candidate.content());
    // The process keeps references and what routes it; the appeal's facts stay in its row (forms read them there).
    // Only intake and the dispatch centre reach this service (SecurityConfiguration), so the engine need not check
    // its own grants for the start again.
    ProcessInstance instance = system.authorized(() -> runtimeService
        .createProcessInstanceByKey(AppealProcess.PROCESS_ID)
        .businessKey(trackingNumber)
        .setVariables(Map.of(
            AppealProcess.VAR_TRACKING_NUMBER, trackingNumber,
            AppealProcess.VAR_TITLE, candidate.title(),
            AppealProcess.VAR_REDO_COUNT, 0))
        .execute());
    appeals.attachProcessInstance(id, instance.getId());
    log.info("Appeal {} received via {} (id {})", trackingNumber, candidate.channel(), id);
    return new Intake(appeals.get(id), true);
  }

  private NewAppeal toNewAppeal(AppealSubmission s) {
    refuseUnreadableText(s);
    Channel channel = Labelled.parse(Channel.class, s.channel()).orElseThrow();
    AppealType requestedType = s.appealType() == null ? null
        : Labelled.parse(AppealType.class, s.appealType()).orElseThrow();
    String mailbox = blankToNull(s.mailbox());
    if (mailbox != null && directory.mailbox(mailbox).filter(Mailbox::active).isEmpty()) {
      throw new InvalidFieldException("mailbox", "未知信箱 '" + mailbox + "'");
    }
    if (channel == Channel.MAILBOX && mailbox == null) {
      throw new InvalidFieldException("mailbox", "来自领导信箱的诉求必须注明信箱");
    }
    // strip() also removes the ideographic space (U+3000): a content of nothing but spaces is no content.
    String content = s.content().strip();
    if (content.isEmpty()) {
      throw new InvalidFieldException("content", "必填");
    }
    String title = blankToNull(s.title());
    var citizen = s.citizen();
    var location = s.location();
    // The channel's message id is its idempotency key: compared exactly as sent, never normalised, so that two
    // different messages are never taken for one.
    return new NewAppeal(channel, s.channelMessageId(), title == null ? titleFrom(content) : title,
        content, requestedType, mailbox,
        citizen == null ? null : blankToNull(citizen.name()),
        citizen == null ? null : blankToNull(citizen.phone()),
        citizen == null ? null : blankToNull(citizen.email()),
        location == null ? null : blankToNull(location.district()),
        location == null ? null : blankToNull(location.street()),
        location == null ? null : blankToNull(location.address()),
        Boolean.TRUE.equals(s.urgent()), !Boolean.FALSE.equals(s.publishable()),
        location == null || location.lat() == null || location.lon() == null ? null : location.lat(),
        location == null || location.lat() == null || location.lon() == null ? null : location.lon());
  }

  /** Posts on microblogs and text messages have no title: the first words of the content stand in. */
  static String titleFrom(String content) {
    String oneLine = content.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 24 ? oneLine : oneLine.substring(0, 24) + "…";
  }

  /** Text no person types (a NUL byte, a broken encoding) is refused with the field's name, never stored. */
  private static void refuseUnreadableText(AppealSubmission s) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("channelMessageId", s.channelMessageId());
    fields.put("title", s.title());
    fields.put("content", s.content());
    fields.put("mailbox", s.mailbox());
    if (s.citizen() != null) {
      fields.put("citizen.name", s.citizen().name());
      fields.put("citizen.phone", s.citizen().phone());
      fields.put("citizen.email", s.citizen().email());
    }
    if (s.location() != null) {
      fields.put("location.district", s.location().district());
      fields.put("location.street", s.location().street());
      fields.put("location.address", s.location().address());
    }
    fields.forEach((field, value) -> {
      String problem = TextInput.problem(value);
      if (problem != null) {
        throw new InvalidFieldException(field, problem);
      }
    });
  }
}
