package org.wenzheng.routing;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.FormTask;
import org.wenzheng.appeal.ReviewDecision;
import org.wenzheng.appeal.TaskFormFacts;

/**
 * The review form's suggestion (made in the background when the task was created, or now if it was not, and kept for
 * the task, {@link Routing#suggestionFor}): one line naming the suggested units with their scores and sources, and the
 * first unit, the type, the complexity and the urgency pre-selected with 受理, so that a right suggestion is one click
 * on 提交. What the dispatcher or the channel already set is left as it is (after the appeal's own facts, which give
 * the channel's type and urgency).
 */
@Component
@Order(1)
class RoutingFormFacts implements TaskFormFacts {

  static final String VAR_ROUTING_SUGGESTION = "routingSuggestion";

  private final Routing routing;

  RoutingFormFacts(Routing routing) {
    this.routing = routing;
  }

  @Override
  public void addTo(FormTask task, VariableMap form) {
    if (!task.is(AppealProcess.TASK_REVIEW)) {
      return;
    }
    Routing.Suggestion s = routing.suggestionFor(task.appeal(), task.taskId(), true);
    form.put(VAR_ROUTING_SUGGESTION, describe(s));
    s.first().ifPresent(first -> {
      if (!task.hasVariable(AppealProcess.VAR_REVIEW_DECISION)) {
        form.put(AppealProcess.VAR_REVIEW_DECISION, ReviewDecision.ACCEPT.name());
      }
      if (!task.hasVariable(AppealProcess.VAR_DEPARTMENT_CODE)) {
        form.put(AppealProcess.VAR_DEPARTMENT_CODE, first.code());
      }
    });
    if (s.appealType() != null && form.get(AppealProcess.VAR_APPEAL_TYPE) == null
        && !task.hasVariable(AppealProcess.VAR_APPEAL_TYPE)) {
      form.put(AppealProcess.VAR_APPEAL_TYPE, s.appealType().name());
    }
    if (s.complexity() != null && !task.hasVariable(AppealProcess.VAR_COMPLEXITY)) {
      form.put(AppealProcess.VAR_COMPLEXITY, s.complexity().name());
    }
    if (s.urgent() && !task.hasVariable(AppealProcess.VAR_URGENT)) {
      form.put(AppealProcess.VAR_URGENT, true);
    }
  }

  /**
   * E.g. "市城管委 100%（规则：燃气泄漏…）；市住建局 10%（以往派单）。类型：举报投诉；难易程度：一般；紧急", or
   * "市生态环境局（来信点名：环保）；成华区 45%（以往派单）…": a named unit comes first whatever its score, so none is shown.
   */
  static String describe(Routing.Suggestion s) {
    if (s.units().isEmpty()) {
      return "暂无建议（尚无可参考的派单和职责清单）";
    }
    String units = s.units().stream().map(u -> u.name()
            + (u.source() == Source.NAMED ? "" : " " + Math.round(u.score() * 100) + "%")
            + "（" + u.source().label() + (u.note() == null ? "" : "：" + u.note()) + "）")
        .collect(Collectors.joining("；"));
    StringBuilder line = new StringBuilder(units);
    if (s.appealType() != null) {
      line.append("。类型：").append(s.appealType().label());
    }
    if (s.complexity() != null) {
      line.append("；难易程度：").append(s.complexity().label());
    }
    if (s.urgent()) {
      line.append("；紧急");
    }
    return line.toString();
  }
}
