package org.wenzheng.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.wenzheng.appeal.AppealType;
import org.wenzheng.appeal.Channel;
import org.wenzheng.appeal.Complexity;
import org.wenzheng.appeal.Conclusion;
import org.wenzheng.appeal.HandlingOutcome;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.appeal.RejectReason;
import org.wenzheng.appeal.ReviewDecision;
import org.wenzheng.appeal.Satisfaction;
import org.wenzheng.appeal.UnsatisfiedCause;
import org.wenzheng.calendar.EngineClock;

/**
 * A step's record as a civil servant reads it: "承办单位：市城管委；签收期限：2026-11-30 13:11", not
 * {@code {"departmentCode":"cgw","responseDue":"2026-11-30T05:11:49.587Z"}}. Only what a person needs to understand
 * the step is worded; ids and engine codes stay in the technical details. Every time is Asia/Shanghai.
 */
final class AuditWording {

  private static final Pattern INSTANT = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

  /** A detail's name in Chinese and how its value is worded; keys not listed are technical. */
  private record Field(String label, Function<Object, String> value) {
  }

  private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

  static {
    text("decision", "决定", v -> first(v, ReviewDecision.class, HandlingOutcome.class).orElse(decision(v)));
    text("appealType", "类型", v -> labelOf(v, AppealType.class));
    text("complexity", "复杂程度", v -> labelOf(v, Complexity.class));
    text("channel", "渠道", v -> labelOf(v, Channel.class));
    text("outcome", "办理结果", v -> labelOf(v, HandlingOutcome.class));
    text("handlingOutcome", "办理结果", v -> labelOf(v, HandlingOutcome.class));
    text("satisfaction", "评价", v -> labelOf(v, Satisfaction.class));
    text("conclusion", "办结方式", v -> labelOf(v, Conclusion.class));
    text("cause", "不满意原因", v -> labelOf(v, UnsatisfiedCause.class));
    text("rejectReason", "不予受理理由", v -> labelOf(v, RejectReason.class));
    text("urgent", "紧急", v -> Boolean.TRUE.equals(v) || "true".equals(v) ? "是" : null);
    text("responsePolicy", "签收时限", AuditWording::policy);
    text("resolutionPolicy", "办结时限", AuditWording::policy);
    text("allowed", "时长", AuditWording::policy);
    text("responseDue", "签收期限", AuditWording::time);
    text("resolutionDue", "办结期限", AuditWording::time);
    text("due", "期限", AuditWording::time);
    text("from", "原期限", AuditWording::time);
    text("to", "调整为", AuditWording::time);
    text("until", "延至", AuditWording::time);
    text("extensionUntil", "申请延至", AuditWording::time);
    for (String[] words : new String[][] {{"reason", "理由"}, {"returnReason", "退单理由"}, {"note", "说明"},
        {"message", "内容"}, {"replyText", "答复"}, {"explanation", "书面说明"}, {"visitNote", "回访记录"},
        {"part", "协办意见"}, {"rejectNote", "告知诉求人的说明"}, {"question", "询问"}, {"answer", "诉求人答复"},
        {"ruling", "裁定"}, {"subject", "标题"}, {"recipient", "收件人"}}) {
      text(words[0], words[1], v -> v == null ? null : v.toString());
    }
  }

  private AuditWording() {
  }

  private static void text(String key, String label, Function<Object, String> value) {
    FIELDS.put(key, new Field(label, value));
  }

  /**
   * The worded lines of a step's detail, in a fixed order; {@code unitName} names a unit code. A clock's kind
   * (签收/办结) and the unit come first.
   */
  static List<String> lines(Map<String, Object> detail, Function<String, String> unitName) {
    List<String> lines = new ArrayList<>();
    Object kind = detail.get("kind");
    if ("RESPONSE".equals(kind) || "RESOLUTION".equals(kind)) {
      lines.add("时限：" + ("RESPONSE".equals(kind) ? "签收" : "办结"));
    }
    for (String unitKey : List.of("departmentCode", "leadUnit", "unit")) {
      if (detail.get(unitKey) instanceof String code && !code.isBlank()) {
        lines.add(("leadUnit".equals(unitKey) ? "主办单位：" : "承办单位：") + unitName.apply(code));
      }
    }
    FIELDS.forEach((key, field) -> {
      Object v = detail.get(key);
      String worded = v == null ? null : field.value().apply(v);
      if (worded != null && !worded.isBlank()) {
        lines.add(field.label() + "：" + worded);
      }
    });
    return lines;
  }

  /** A time written by the engine or the journal (often in UTC), in Asia/Shanghai office time. */
  static String time(Object value) {
    OffsetDateTime t = value instanceof OffsetDateTime o ? o : asInstant(value).orElse(null);
    return t == null ? (value == null ? null : value.toString())
        : EngineClock.shown(t);
  }

  /** Any value that is an ISO instant ("2026-11-30T05:11:49.587Z"), rewritten with the +08:00 offset. */
  static Object inShanghai(Object value) {
    return asInstant(value).<Object>map(t -> t.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime().toString())
        .orElse(value);
  }

  private static Optional<OffsetDateTime> asInstant(Object value) {
    if (value instanceof String s && INSTANT.matcher(s).matches()) {
      try {
        return Optional.of(OffsetDateTime.parse(s));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** "PT8H NATURAL" → 8小时（自然时间）; "P1D WORKING" → 1天（工作时间, 一天为一个工作日）. */
  static String policy(Object value) {
    String[] parts = value.toString().strip().split("\\s+");
    String amount = duration(parts[0]);
    if (parts.length < 2) {
      return amount;
    }
    return amount + switch (parts[1]) {
      case "WORKING" -> "（工作时间）";
      case "NATURAL" -> "（自然时间）";
      default -> "（" + parts[1] + "）";
    };
  }

  /** PT8H → 8小时, P2D → 2天, P1DT4H → 1天4小时, PT30M → 30分钟. */
  static String duration(String iso) {
    try {
      String[] dayAndTime = iso.split("T", 2);
      StringBuilder sb = new StringBuilder();
      if (!"P".equals(dayAndTime[0])) {
        Period p = Period.parse(dayAndTime[0]);
        if (p.getDays() > 0) {
          sb.append(p.getDays()).append("天");
        }
      }
      if (dayAndTime.length > 1) {
        Duration d = Duration.parse("PT" + dayAndTime[1]);
        if (d.toHoursPart() > 0 || d.toDays() > 0) {
          sb.append(d.toHours()).append("小时");
        }
        if (d.toMinutesPart() > 0) {
          sb.append(d.toMinutesPart()).append("分钟");
        }
      }
      return sb.isEmpty() ? iso : sb.toString();
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static String decision(Object v) {
    return switch (v.toString()) {
      case "AGREE", "APPROVE" -> "同意";
      case "SEND_BACK" -> "退回";
      default -> v.toString();
    };
  }

  @SafeVarargs
  private static Optional<String> first(Object v, Class<? extends Enum<?>>... types) {
    for (Class<? extends Enum<?>> type : types) {
      for (Enum<?> e : type.getEnumConstants()) {
        if (e.name().equals(v) && e instanceof Labelled l) {
          return Optional.of(l.label());
        }
      }
    }
    return Optional.empty();
  }

  private static <E extends Enum<E> & Labelled> String labelOf(Object v, Class<E> type) {
    return Labelled.parse(type, v).map(Labelled::label).orElse(v.toString());
  }
}
