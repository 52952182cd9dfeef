package org.wenzheng.webapps;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;
import org.wenzheng.identity.SystemActions;
import org.wenzheng.security.WebappUser;

/**
 * What happened after a member of staff submitted a task in Tasklist, in one sentence ("已转交 市城管委，签收期限 …"):
 * Tasklist's script {@code scripts/next-step.js} asks for it when a submit succeeds, so the task does not just vanish.
 * Only the user who completed the task may ask, with their webapps login.
 */
@RestController
class NextStep {

  private final HistoryService historyService;
  private final AppealRepository appeals;
  private final Directory directory;
  private final SystemActions system;

  NextStep(HistoryService historyService, AppealRepository appeals, Directory directory, SystemActions system) {
    this.historyService = historyService;
    this.appeals = appeals;
    this.directory = directory;
    this.system = system;
  }

  @GetMapping("/camunda/wenzheng/tasks/{taskId}/next-step")
  ResponseEntity<Map<String, String>> after(@PathVariable String taskId, HttpServletRequest request) {
    Optional<String> user = WebappUser.of(request);
    if (user.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    HistoricTaskInstance task = system.call(() -> historyService.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (task == null || task.getEndTime() == null || !completedBy(task, user.get())) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    HistoricProcessInstance instance = system.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    Optional<Appeal> appeal = instance == null ? Optional.empty()
        : appeals.findByTrackingNumber(instance.getBusinessKey());
    String message = appeal.map(a -> a.trackingNumber() + "：" + sentence(a)).orElse("已提交。");
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("message", message));
  }

  /** The user completed the task: it was theirs when it ended, or the engine logged their completion. */
  private boolean completedBy(HistoricTaskInstance task, String user) {
    return user.equals(task.getAssignee()) || system.call(() -> historyService.createUserOperationLogQuery()
        .taskId(task.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).userId(user).count()) > 0;
  }

  /** Where the appeal stands now, as the next person to act on it. */
  String sentence(Appeal a) {
    String unit = a.departmentCode() == null ? null : directory.unitName(a.departmentCode());
    return switch (a.status()) {
      case PENDING_REVIEW -> "已回到调度中心重新审核";
      case REJECTED -> "不予受理，已告知诉求人";
      case MERGED -> "已合并到另一件诉求办理，答复时一并告知诉求人";
      case DISPATCHED -> "已转交 " + unit + "，签收期限 " + shown(a.responseDueAt());
      case HANDLING -> "已由 " + unit + " 办理，办结期限 " + shown(a.resolutionDueAt());
      case RETURNED -> "退单已提交，由调度中心审核";
      case REPLY_REVIEW -> "答复已提交，由调度中心审核后发给诉求人";
      case REPLIED -> "答复已发给诉求人，等待评价";
      case CONCLUDED -> "已办结";
      case ARCHIVED -> "已办结归档";
    };
  }

  private static String shown(OffsetDateTime t) {
    return t == null ? "（未定）" : EngineClock.shown(t);
  }
}
