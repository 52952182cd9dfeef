package org.wenzheng.audit;

import static org.wenzheng.calendar.EngineClock.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wenzheng.appeal.Actor;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.JournalEvent;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.deadline.AppealClocks;
import org.wenzheng.directory.Directory;
import org.wenzheng.identity.SystemActions;
import org.wenzheng.notification.Notifications;
import org.wenzheng.security.Groups;
import org.wenzheng.data.Rows;

/**
 * Every step of one appeal, in order, for auditors (痕迹管理): the project's own journal (sealed in the audit chain),
 * Camunda's history of the appeal's process and of every process it called (tasks with who completed them, timers and
 * messages, variables set, operations by users), the messages sent, and the deadlines with their changes.
 * Camunda's history is read without the caller's engine authorizations: the caller's right to read this appeal has
 * been checked already ({@code AppealReadAccess}), and a unit may not otherwise read history.
 */
@Service
public class AuditTimeline {

  /**
   * One step. {@code who} is a user id, {@code system} or {@code citizen}; {@code sealed} is its chain link;
   * {@code worded} its detail as a civil servant reads it (empty for the engine's own records, which are technical).
   * Times, also inside {@code detail}, are Asia/Shanghai (+08:00).
   */
  public record Step(OffsetDateTime at, String source, String who, String unit, String unitName, String what,
      Map<String, Object> detail, Long sealed, List<String> worded) {

    Step(OffsetDateTime at, String source, String who, String unit, String unitName, String what,
        Map<String, Object> detail, Long sealed) {
      this(at, source, who, unit, unitName, what, detail, sealed, List.of());
    }

    /** Whether a person reads it in the main trace (the journal and the messages); the rest is technical detail. */
    public boolean told() {
      return source.equals("journal") || source.equals("message");
    }
  }

  /** A clock as it stands: when it started, when it was due, whether it was missed. */
  public record Deadline(String kind, String unit, String unitName, String allowed, String basis,
      OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime remindedAt, OffsetDateTime overdueAt,
      OffsetDateTime stoppedAt, String stopReason, boolean overdue) {

    /** How long it allowed, in words: 8小时（自然时间）. */
    public String allowedWorded() {
      return AuditWording.policy(allowed + " " + basis);
    }

    /** Why it stopped, in words. */
    public String stopWorded() {
      return stopReason == null ? null : switch (stopReason) {
        case "DONE" -> "已完成";
        case "RETURNED" -> "退单";
        case "REPLACED" -> "重新计时";
        default -> stopReason;
      };
    }
  }

  public record Timeline(long appealId, String trackingNumber, String status, String statusLabel,
      List<Step> steps, List<Deadline> deadlines, boolean engineHistoryAvailable) {
  }

  private static final int MAX_VALUE = 500;
  private static final Set<String> NOT_PEOPLE = Set.of(Actor.SYSTEM.userId(), "citizen");
  private static final Set<String> SKIPPED_ACTIVITY_TYPES = Set.of("exclusiveGateway", "parallelGateway",
      "inclusiveGateway", "eventBasedGateway", "multiInstanceBody");

  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final SystemActions system;
  private final Directory directory;
  private final ObjectMapper json;
  private final IdentityService identityService;
  private final AppealClocks clocks;
  private final Notifications notifications;

  AuditTimeline(JdbcClient jdbc, HistoryService historyService, SystemActions system, Directory directory,
      ObjectMapper json, IdentityService identityService, AppealClocks clocks, Notifications notifications) {
    this.jdbc = jdbc;
    this.clocks = clocks;
    this.notifications = notifications;
    this.identityService = identityService;
    this.historyService = historyService;
    this.system = system;
    this.directory = directory;
    this.json = json;
  }

  record JournalRow(long id, OffsetDateTime occurredAt, String type, String actor, String actorUnit, String detail,
      Long chainSeq) {

    JournalEvent event() {
      return JournalEvent.of(type);
    }
  }

  public Timeline of(Appeal appeal) {
    List<Step> steps = new ArrayList<>();
    journal(appeal, steps);
    messages(appeal, steps);
    boolean engine = appeal.processInstanceId() != null
        && system.call(() -> engineHistory(appeal.processInstanceId(), steps));
    Map<String, java.util.Optional<String>> units = new HashMap<>();
    steps.replaceAll(step -> withUnit(step, units));
    steps.sort(Comparator.comparing(Step::at).thenComparing(s -> order(s.source())));
    List<Deadline> deadlines = clocks.history(appeal.id()).stream().map(c -> new Deadline(c.kind().name(),
        c.departmentCode(), directory.unitName(c.departmentCode()), c.allowed(), c.basis().name(),
        local(c.startedAt()), local(c.dueAt()), local(c.remindedAt()), local(c.overdueAt()), local(c.stoppedAt()),
        c.stopReason(), c.overdue())).toList();
    return new Timeline(appeal.id(), appeal.trackingNumber(), appeal.status().name(), appeal.status().label(),
        steps, deadlines, engine);
  }

  // --- the project's own records ------------------------------------------------------------------------------

  private void journal(Appeal appeal, List<Step> steps) {
    jdbc.sql("select id, occurred_at, type, actor, actor_unit, detail::text as detail, chain_seq from appeal_event "
            + "where appeal_id = ? order by id").param(appeal.id()).query(Rows.of(JournalRow.class)).list().stream()
        // Messages are shown once, from the outbox, with their recipient and text.
        .filter(e -> e.event() == null || !e.event().isNotification())
        .forEach(e -> {
          Map<String, Object> detail = parse(e.detail());
          steps.add(new Step(local(e.occurredAt()), "journal", e.actor(), e.actorUnit(), unitName(e.actorUnit()),
              JournalEvent.labelOf(e.type()), withType(e.type(), detail), e.chainSeq(),
              AuditWording.lines(detail, directory::unitName)));
        });
  }

  private void messages(Appeal appeal, List<Step> steps) {
    notifications.ofAppeal(appeal.id()).forEach(m -> {
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("kind", m.kind());
          detail.put("channel", m.channel());
          detail.put("recipient", m.recipient());
          detail.put("subject", m.subject());
          detail.put("body", m.body());
          detail.put("messageId", m.messageId());
          detail.put("status", m.status());
          detail.put("attempts", m.attempts());
          detail.put("sentAt", local(m.sentAt()));
          if (m.lastError() != null) {
            detail.put("lastError", m.lastError());
          }
          String what = ("EMAIL".equals(m.channel()) ? "发送邮件：" : "发送消息（" + m.channel() + "）：") + m.subject()
              + ("SENT".equals(m.status()) ? "" : "（待发送）");
          List<String> worded = new ArrayList<>();
          worded.add("收件人：" + m.recipient());
          worded.add("SENT".equals(m.status()) ? "已发送：" + AuditWording.time(local(m.sentAt()))
              : "尚未发送（已尝试 " + m.attempts() + " 次）");
          steps.add(new Step(local(m.createdAt()), "message", Actor.SYSTEM.userId(), null, null, what, detail,
              null, worded));
        });
  }

  // --- Camunda's history --------------------------------------------------------------------------------------

  private boolean engineHistory(String rootId, List<Step> steps) {
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(rootId).list();
    if (instances.isEmpty()) {
      return false; // removed by history cleanup: the journal above still holds every step
    }
    Map<String, String> processNames = new HashMap<>();
    instances.forEach(i -> processNames.put(i.getId(), i.getProcessDefinitionKey()));
    String[] ids = processNames.keySet().toArray(String[]::new);

    // Who did what, as the engine logged it for authenticated users.
    Map<String, String> userOfOperation = new HashMap<>();
    Map<String, String> completedBy = new HashMap<>();
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    for (String id : ids) {
      for (UserOperationLogEntry e : historyService.createUserOperationLogQuery().processInstanceId(id)
          .orderByTimestamp().asc().list()) {
        userOfOperation.put(e.getOperationId(), e.getUserId());
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(e.getOperationType()) && e.getTaskId() != null) {
          completedBy.put(e.getTaskId(), e.getUserId());
        }
        operations.computeIfAbsent(e.getOperationId(), k -> new ArrayList<>()).add(e);
      }
    }
    operations.values().forEach(entries -> {
      UserOperationLogEntry first = entries.get(0);
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(first.getOperationType())) {
        return; // shown as the task's completion
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("operation", first.getOperationType());
      detail.put("entity", first.getEntityType());
      if (first.getTaskId() != null) {
        detail.put("taskId", first.getTaskId());
      }
      entries.stream().filter(e -> e.getProperty() != null).forEach(e -> detail.put(e.getProperty(),
          Objects.toString(e.getOrgValue(), "") + " → " + Objects.toString(e.getNewValue(), "")));
      steps.add(new Step(at(first.getTimestamp()), "engine-operation", first.getUserId(), null, null,
          "用户操作：" + first.getOperationType() + " " + first.getEntityType(), detail, null));
    });

    Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    for (String id : ids) {
      historyService.createHistoricTaskInstanceQuery().processInstanceId(id).list()
          .forEach(t -> tasks.put(t.getId(), t));
    }
    for (String id : ids) {
      for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
        if (SKIPPED_ACTIVITY_TYPES.contains(a.getActivityType())) {
          continue;
        }
        activity(a, processNames.get(id), tasks.get(a.getTaskId()), completedBy, steps);
      }
    }

    // Variables set, grouped by the operation (or the step) that set them.
    Map<String, List<HistoricVariableUpdate>> updates = new LinkedHashMap<>();
    for (HistoricDetail d : historyService.createHistoricDetailQuery().processInstanceIdIn(ids).variableUpdates()
        .orderByTime().asc().list()) {
      HistoricVariableUpdate u = (HistoricVariableUpdate) d;
      String key = (u.getUserOperationId() != null ? u.getUserOperationId() : u.getActivityInstanceId()) + "@"
          + u.getTime().getTime();
      updates.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
    }
    updates.values().forEach(group -> {
      HistoricVariableUpdate first = group.get(0);
      Map<String, Object> detail = new LinkedHashMap<>();
      group.forEach(u -> detail.put(u.getVariableName(), value(u.getValue())));
      String who = first.getUserOperationId() == null ? null : userOfOperation.get(first.getUserOperationId());
      steps.add(new Step(at(first.getTime()), "engine-variables", who == null ? Actor.SYSTEM.userId() : who,
          null, null, "设置变量：" + String.join("、", detail.keySet()), detail, null));
    });
    return true;
  }

  private void activity(HistoricActivityInstance a, String process, HistoricTaskInstance task,
      Map<String, String> completedBy, List<Step> steps) {
    String name = a.getActivityName() == null ? a.getActivityId() : a.getActivityName();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("process", process);
    detail.put("activityId", a.getActivityId());
    detail.put("activityType", a.getActivityType());
    if (task != null) {
      detail.put("taskId", task.getId());
      if (task.getDueDate() != null) {
        detail.put("due", at(task.getDueDate()));
      }
      steps.add(new Step(at(a.getStartTime()), "engine-task", Actor.SYSTEM.userId(), null, null,
          "任务创建：" + name, detail, null));
      if (a.getEndTime() != null) {
        Map<String, Object> end = new LinkedHashMap<>(detail);
        String who = completedBy.getOrDefault(task.getId(), task.getAssignee());
        boolean cancelled = a.isCanceled() || (task.getDeleteReason() != null
            && !"completed".equals(task.getDeleteReason()));
        if (cancelled) {
          end.put("deleteReason", task.getDeleteReason());
        }
        steps.add(new Step(at(a.getEndTime()), "engine-task", who == null ? Actor.SYSTEM.userId() : who, null,
            null, (cancelled ? "任务取消：" : "任务完成：") + name, end, null));
      }
      return;
    }
    if (a.getCalledProcessInstanceId() != null) {
      detail.put("calledProcessInstanceId", a.getCalledProcessInstanceId());
    }
    String what = switch (a.getActivityType()) {
      case "boundaryTimer", "intermediateTimer" -> "定时器触发：";
      case "intermediateMessageCatch", "messageStartEvent", "boundaryMessage" -> "收到消息：";
      case "callActivity" -> "调用流程：";
      case "startEvent" -> "流程开始：";
      case "noneEndEvent", "escalationEndEvent", "terminateEndEvent", "errorEndEvent" -> "流程结束：";
      default -> "执行：";
    };
    steps.add(new Step(at(a.getStartTime()), "engine-activity", Actor.SYSTEM.userId(), null, null, what + name,
        detail, null));
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  /** Engine steps name the user; add the unit they work for, as the journal does (looked up once per user). */
  private Step withUnit(Step s, Map<String, java.util.Optional<String>> unitOf) {
    if (s.unit() != null || s.who() == null || NOT_PEOPLE.contains(s.who())) {
      return s;
    }
    String unit = unitOf.computeIfAbsent(s.who(), user -> java.util.Optional.ofNullable(system.call(() ->
        Groups.unitOf(identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
            .toList())))).orElse(null);
    return unit == null ? s : new Step(s.at(), s.source(), s.who(), unit, directory.unitName(unit), s.what(),
        s.detail(), s.sealed(), s.worded());
  }

  private static int order(String source) {
    return switch (source) {
      case "engine-activity", "engine-task" -> 0;
      case "engine-operation", "engine-variables" -> 1;
      case "journal" -> 2;
      default -> 3;
    };
  }

  private String unitName(String code) {
    return code == null ? null : directory.unitName(code);
  }

  /** A journal entry's detail, its times rewritten in +08:00 (the journal stores some in UTC). */
  private Map<String, Object> parse(String detail) {
    try {
      Map<String, Object> m = json.readValue(detail == null ? "{}" : detail,
          new TypeReference<LinkedHashMap<String, Object>>() {
          });
      m.replaceAll((k, v) -> AuditWording.inShanghai(v));
      return m;
    } catch (JsonProcessingException e) {
      return Map.of("raw", detail);
    }
  }

  private static Map<String, Object> withType(String type, Map<String, Object> detail) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.putAll(detail);
    return m;
  }

  private static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    String s = v instanceof Date d ? at(d).toString() : AuditWording.inShanghai(v.toString()).toString();
    return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "…" : s;
  }

  /** An engine time (a {@link Date}) in Chinese office time. */
  private static OffsetDateTime at(Date d) {
    return d == null ? null : d.toInstant().atZone(EngineClock.ZONE).toOffsetDateTime();
  }
}
