package org.wenzheng.appeal;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.modulith.NamedInterface;

/**
 * Reads what a user submitted when completing a task and refuses what the process cannot work with. Forms check the
 * same rules in the browser; this is the server's word, whatever client completes the task.
 */
@NamedInterface("process")
public final class TaskInput {

  /** Long enough for a thorough reply, short enough to fit a text message split and the engine's variable column. */
  public static final int MAX_TEXT = 3000;

  private final VariableScope scope;

  public TaskInput(VariableScope scope) {
    this.scope = scope;
  }

  public <E extends Enum<E> & Labelled> E requireEnum(String name, Class<E> type) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new TaskInputRejectedException(name, "必填，可选值 " + Labelled.names(type));
    }
    return Labelled.parse(type, value).orElseThrow(() -> new TaskInputRejectedException(name,
        "取值 '" + abbreviate(value) + "' 无效，可选值 " + Labelled.names(type)));
  }

  public String requireText(String name) {
    String text = optionalText(name);
    if (text == null) {
      throw new TaskInputRejectedException(name, "必填，不能为空");
    }
    return text;
  }

  /** A whole number, or null when absent. */
  public Integer optionalWholeNumber(String name) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new TaskInputRejectedException(name, "必须是整数");
  }

  /** A date, as forms submit it ("2026-03-10", or a date-time whose date part counts). */
  public java.time.LocalDate requireDate(String name) {
    String text = requireText(name);
    try {
      return java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new TaskInputRejectedException(name, "应为日期，如 2026-03-10");
    }
  }

  /** A yes/no field; absent means no. */
  public boolean optionalFlag(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean b)) {
      throw new TaskInputRejectedException(name, "必须是 true 或 false");
    }
    return b;
  }

  /** The trimmed text, or null when absent or blank. */
  public String optionalText(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new TaskInputRejectedException(name, "必须是文本");
    }
    String text = s.strip();
    if (text.length() > MAX_TEXT) {
      throw new TaskInputRejectedException(name, "不能超过 " + MAX_TEXT + " 字（现为 " + text.length() + " 字）");
    }
    return text.isEmpty() ? null : text;
  }

  private static String abbreviate(Object value) {
    String s = String.valueOf(value);
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
