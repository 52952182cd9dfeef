package org.wenzheng.deadline;

import java.util.Map;
import org.wenzheng.calendar.Basis;
import org.wenzheng.calendar.DeadlineDuration;

/** What the policy (processes/deadline-policy.dmn) allows for one clock: a duration and how it is counted. */
public record DeadlinePolicy(DeadlineDuration allowed, Basis basis) {

  /**
   * Reads a row of the DMN's result, e.g. {@code {responseDuration: "PT1H", responseBasis: "WORKING"}}. A table edited
   * into something the clock cannot use stops the step with a message that says what to fix.
   */
  static DeadlinePolicy fromDecision(Object result, String durationKey, String basisKey) {
    if (!(result instanceof Map<?, ?> row)) {
      throw new IllegalStateException("办理时限表没有为本诉求给出结果（" + durationKey + "）：请检查 deadline-policy.dmn "
          + "是否覆盖了所有情况");
    }
    try {
      return new DeadlinePolicy(DeadlineDuration.parse(String.valueOf(row.get(durationKey))),
          Basis.valueOf(String.valueOf(row.get(basisKey))));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("办理时限表的结果无法使用：" + row + "（" + e.getMessage() + "）", e);
    }
  }
}
