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
import org.springframework.stereotype.Component;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;

/**
 * The appeal's trace as staff read it on a form (the evidence of an accountability case): one line per step with
 * when, what, who and the words that matter (a reason, a note, a reply). Messages sent are left out.
 */
@Component
public class AppealTimeline {

  private static final int MAX_WORDS = 120;

  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("RECEIVED", "登记"), Map.entry("REVIEWED", "审核"), Map.entry("DISPATCHED", "转办"),
      Map.entry("DEADLINES_SET", "设定时限"), Map.entry("ACKNOWLEDGED", "签收"), Map.entry("HANDLED", "办理"),
      Map.entry("RETURNED", "退单"), Map.entry("RETURN_AGREED", "同意退单"), Map.entry("RETURN_REJECTED", "不同意退单"),
      Map.entry("DISPUTE_RULED", "争议裁定"), Map.entry("CO_HANDLED", "协办"), Map.entry("REPLIED", "答复诉求人"),
      Map.entry("VISITED", "回访"), Map.entry("REDO", "重办"), Map.entry("CONCLUDED", "办结"), Map.entry("ARCHIVED", "归档"),
      Map.entry("REMINDED", "催办"), Map.entry("OVERDUE", "超期"), Map.entry("DEADLINE_MOVED", "时限调整"),
      Map.entry("SUPERVISED", "督办"), Map.entry("SUPERVISION_MET", "督办已落实"),
      Map.entry("SUPERVISION_MISSED", "督办未落实"), Map.entry("EXTENSION_REQUESTED", "申请延期"),
      Map.entry("EXTENSION_LEADER_APPROVE", "单位领导同意延期"), Map.entry("EXTENSION_LEADER_REJECT", "单位领导不同意延期"),
      Map.entry("EXTENSION_SUPERVISION_APPROVE", "督查室批准延期"),
      Map.entry("EXTENSION_SUPERVISION_REJECT", "督查室不批准延期"), Map.entry("EXTENSION_APPROVED", "延期已批准"),
      Map.entry("EXTENSION_REJECTED", "延期未批准"), Map.entry("EXTENSION_WITHDRAWN", "延期申请撤销"),
      Map.entry("ACCOUNTABILITY_OPENED", "效能问责立案"), Map.entry("ACCOUNTABILITY_REMINDED", "催交书面说明"),
      Map.entry("ACCOUNTABILITY_EXPLAINED", "提交书面说明"), Map.entry("ACCOUNTABILITY_NO_EXPLANATION", "逾期未说明"),
      Map.entry("ACCOUNTABILITY_RULED", "问责裁定"), Map.entry("DEADLINE_REOPENED", "时限重新计算"),
      Map.entry("DUPLICATE_MERGED", "重复诉求并入本件"), Map.entry("MERGED", "并入其他诉求合并办理"),
      Map.entry("QUESTION_ASKED", "询问诉求人"), Map.entry("QUESTION_ANSWERED", "诉求人答复"),
      Map.entry("QUESTION_ANSWERED_LATE", "诉求人逾期答复"), Map.entry("QUESTION_UNANSWERED", "诉求人未答复"),
      Map.entry("REPLY_APPROVED", "答复审核通过"), Map.entry("REPLY_SENT_BACK", "答复退回承办单位"),
      Map.entry("RATED", "诉求人评价"), Map.entry("NOTIFICATION_QUEUED", "通知待发"),
      Map.entry("NOTIFICATION_SENT", "通知已发送"), Map.entry("NOTIFICATION_UNDELIVERABLE", "通知无法送达"));

  /** The Chinese name of a journal event type (the type itself when it has none). */
  public static String label(String type) {
    return LABELS.getOrDefault(type, type);
  }

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
    return journal.events(appealId).stream().filter(e -> !e.type().startsWith("NOTIFICATION_"))
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
        .append(LABELS.getOrDefault(e.type(), e.type()));
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
    if (e.type().equals("DEADLINE_MOVED")) {
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
