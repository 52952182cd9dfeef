package org.wenzheng.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;

/**
 * The appeal's trace as staff read it on a form (the evidence of an accountability case): one line per step with
 * when, what, who and the words that matter (a reason, a note, a reply). Messages sent are left out.
 */
@Component
@NamedInterface("records")
public class AppealTimeline {

  private static final int MAX_WORDS = 120;

  /** The detail fields worth reading, in order; the first present one is shown. */
  private static final List<String> WORDS = List.of("reason", "returnReason", "note", "message", "replyText",
      "explanation", "visitNote", "part", "rejectNote");

  private final AppealJournal journal;
  private final Directory directory;
  private final ObjectMapper json;
  private final IdentityService identityService;

  AppealTimeline(AppealJournal journal, Directory directory, ObjectMapper json, IdentityService identityService) {
    this.journal = journal;
    this.directory = directory;
    this.json = json;
    this.identityService = identityService;
  }

  public String asText(long appealId) {
    Map<String, String> names = new HashMap<>();
    return journal.events(appealId).stream().filter(e -> e.event() == null || !e.event().isNotification())
        .map(e -> line(e, names)).collect(Collectors.joining("\n\n"));
  }

  /**
   * A person as colleagues know them: the name in the identity service ("市城管委 经办人"), the account when it has
   * none. Read as the system: the reader of an accountability case need not be allowed to list users.
   */
  private String person(String userId, Map<String, String> names) {
    if (Actor.SYSTEM.userId().equals(userId)) {
      return "系统";
    }
    if ("citizen".equals(userId)) {
      return "诉求人";
    }
    return names.computeIfAbsent(userId, id -> {
      Supplier<User> find = () -> identityService.createUserQuery().userId(id).singleResult();
      CommandContext context = Context.getCommandContext();
      User user = context != null ? context.runWithoutAuthorization(find::get) : find.get();
      String name = user == null ? "" : (Objects.toString(user.getFirstName(), "") + " "
          + Objects.toString(user.getLastName(), "")).strip();
      return name.isEmpty() ? id : name;
    });
  }

  private String line(AppealEvent e, Map<String, String> names) {
    JsonNode detail = parse(e.detail());
    StringBuilder line = new StringBuilder(EngineClock.SHOWN.format(e.occurredAt().toInstant())).append("　")
        .append(JournalEvent.labelOf(e.type()));
    String clock = detail.path("kind").asText("");
    if (clock.equals("RESPONSE") || clock.equals("RESOLUTION")) {
      line.append("（").append(clock.equals("RESPONSE") ? "签收时限" : "办结时限").append("）");
    }
    String who = person(e.actor(), names);
    line.append("　").append(who);
    if (e.actorUnit() != null && !who.contains(directory.unitName(e.actorUnit()))) {
      line.append("（").append(directory.unitName(e.actorUnit())).append("）");
    }
    String unit = detail.path("departmentCode").asText(null);
    if (unit != null && !unit.equals(e.actorUnit())) {
      line.append(" → ").append(directory.unitName(unit));
    }
    if (e.event() == JournalEvent.DEADLINE_MOVED) {
      // Its reason is for engineers ("supervision notice 4"); the step before it says why.
      return line.append("：至 ").append(EngineClock.SHOWN.format(Instant.parse(detail.path("to").asText()))).toString();
    }
    WORDS.stream().map(w -> detail.path(w).asText(null)).filter(w -> w != null && !w.isBlank()).findFirst()
        .ifPresent(w -> line.append("：").append(w.length() > MAX_WORDS ? w.substring(0, MAX_WORDS) + "…" : w));
    return line.toString();
  }

  private JsonNode parse(String detail) {
    try {
      return json.readTree(detail == null ? "{}" : detail);
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }
}
