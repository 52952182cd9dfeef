package org.wenzheng.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.intake.AppealSubmission;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.supervision.SupervisionProcess;

/**
 * Drives appeals through the real engine as the demo users would (dispatcher, cgw1, ...): the engine checks their
 * authorizations and the listeners see who acted, exactly as when they use Tasklist.
 */
public class Scenario {

  @Autowired IntakeService intake;
  @Autowired AppealRepository appeals;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  /** A fresh appeal by web, from a citizen with a unique email address. */
  public Appeal submit() {
    return submit("WEB", "citizen-" + UUID.randomUUID() + "@example.com", "13800001234");
  }

  public Appeal submit(String channel, String email, String phone) {
    AppealSubmission submission = new AppealSubmission(channel, "test-" + UUID.randomUUID(), "路灯不亮",
        "成华区双桥路与双桥子街交叉口往北约200米，路灯坏了两周，晚上很黑，请尽快修复。", null,
        "MAILBOX".equals(channel) ? "mayor" : null,
        new AppealSubmission.Citizen("李四", phone, email),
        new AppealSubmission.Location("成华区", "双桥子街道", "双桥路200号"), false, null);
    return as("intake", List.of("intake"), () -> intake.submit(submission).appeal());
  }

  /** An appeal through the web form with these words and district (no channel type or urgency). */
  public Appeal submitAbout(String title, String content, String district) {
    AppealSubmission submission = new AppealSubmission("WEB", "test-" + UUID.randomUUID(), title, content, null, null,
        new AppealSubmission.Citizen("王五", "13800005678", null),
        new AppealSubmission.Location(district, null, null), false, null);
    return as("intake", List.of("intake"), () -> intake.submit(submission).appeal());
  }

  public Appeal reload(Appeal a) {
    return appeals.get(a.id());
  }

  public ProcessInstance instance(Appeal a) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(a.trackingNumber())
        .processDefinitionKey(AppealProcess.PROCESS_ID).singleResult();
  }

  /** The one open task of the appeal's own process (not of the supervision, approval or accountability it called). */
  public Task task(Appeal a) {
    return taskService.createTaskQuery().processInstanceId(reload(a).processInstanceId()).singleResult();
  }

  /** The open task with this definition key among all processes of the appeal (called ones included). */
  public Task task(Appeal a, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(a.trackingNumber())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  /** Completes the appeal's task with this definition key, wherever it is, as this user. */
  public void complete(String user, List<String> groups, Appeal a, String taskDefinitionKey,
      Map<String, Object> variables) {
    Task task = task(a, taskDefinitionKey);
    if (task == null) {
      throw new AssertionError("no open task " + taskDefinitionKey + " for " + a.trackingNumber());
    }
    as(user, groups, () -> {
      taskService.complete(task.getId(), variables);
      return null;
    });
  }

  /**
   * An appeal for 市城管委 on the office clock (Wednesday 10:00), acknowledged at 10:10, whose resolution deadline
   * (Thursday 10:00) has just passed: the clock stands at Thursday 10:01 and the overdue timer has fired.
   */
  public Appeal resolutionOverdue() {
    Appeal appeal = submit();
    review(appeal, "cgw");
    clock("2026-03-04T10:10");
    acknowledge(appeal, "cgw");
    clock("2026-03-05T10:01");
    if (!fireDueTimers(appeal).contains(AppealProcess.TIMER_RESOLUTION_OVERDUE)) {
      throw new AssertionError("the resolution deadline of " + appeal.trackingNumber() + " did not pass");
    }
    return appeal;
  }

  /** The supervision office issues its notice with a new deadline in working time, e.g. "PT4H". */
  public void supervise(Appeal appeal, String deadline) {
    complete("supervisor", List.of("supervision"), appeal, SupervisionProcess.TASK_SUPERVISE, Map.of(
        SupervisionProcess.VAR_MESSAGE, "请于期限内修复路灯并答复诉求人，逾期将问责。",
        SupervisionProcess.VAR_DEADLINE, deadline));
  }

  /** The outcome of the appeal's supervision notice (MET, MISSED), or null while open. */
  public String noticeOutcome(Appeal appeal) {
    return jdbc.sql("select outcome from supervision_notice where appeal_id = ?").param(appeal.id())
        .query(String.class).single();
  }

  /** The appeal's supervision case, running or ended, from the engine's history. */
  public HistoricProcessInstance supervisionInstance(Appeal appeal) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(appeal.trackingNumber())
        .processDefinitionKey(SupervisionProcess.PROCESS_ID).singleResult();
  }

  /** The unit's leader explains, the supervision office rules: an accountability case runs to its end. */
  public void settleAccountability(Appeal a, String unit, String ruling, int points) {
    complete(unit + "lead", List.of(unit, "leaders", unit + "leaders"), a, "Task_ExplainCase",
        Map.of("explanation", "经办人对政策理解有误，已组织学习并整改。"));
    complete("supervisor", List.of("supervision"), a, "Task_RuleOnCase",
        Map.of("ruling", ruling, "points", points, "rulingNote", "按规定处理。"));
  }

  /**
   * An appeal waiting for the supervision office's 争议裁定: the unit returned it, the dispatch centre refused the
   * return, and the unit returned it again.
   */
  public Appeal disputed(String unit) {
    Appeal a = submit();
    review(a, unit);
    acknowledge(a, unit);
    returnToDispatch(a, unit, "不属于本单位职责。");
    rejectReturn(a, "噪声污染属生态环境部门职责。");
    returnToDispatch(a, unit, "仍不属于本单位职责。");
    return a;
  }

  /** The supervision office rules a dispute: the lead unit, the co-handling units, and why. */
  public void resolveDispute(Appeal a, String lead, List<String> coUnits, String note) {
    complete("supervisor", List.of("supervision"), a, AppealProcess.TASK_RESOLVE_DISPUTE, Map.of(
        AppealProcess.VAR_LEAD_UNIT, lead, AppealProcess.VAR_CO_UNITS, coUnits, AppealProcess.VAR_DISPUTE_NOTE, note));
  }

  /** The dispatch centre agrees to a return: the appeal goes back to review. */
  public void agreeReturn(Appeal a) {
    complete("dispatcher", List.of("dispatch"), a, AppealProcess.TASK_DECIDE_RETURN,
        Map.of(AppealProcess.VAR_RETURN_DECISION, "AGREE"));
  }

  public void rejectReturn(Appeal a, String note) {
    complete("dispatcher", List.of("dispatch"), a, AppealProcess.TASK_DECIDE_RETURN,
        Map.of(AppealProcess.VAR_RETURN_DECISION, "REJECT", AppealProcess.VAR_RETURN_DECISION_NOTE, note));
  }

  public void complete(String user, List<String> groups, Appeal a, Map<String, Object> variables) {
    Task task = task(a);
    as(user, groups, () -> {
      taskService.complete(task.getId(), variables);
      return null;
    });
  }

  public void review(Appeal a, String unit) {
    review(a, unit, "GENERAL", false);
  }

  public void review(Appeal a, String unit, String complexity, boolean urgent) {
    complete("dispatcher", List.of("dispatch"), a, Map.of(
        AppealProcess.VAR_REVIEW_DECISION, "ACCEPT",
        AppealProcess.VAR_DEPARTMENT_CODE, unit,
        AppealProcess.VAR_APPEAL_TYPE, "COMPLAINT",
        AppealProcess.VAR_COMPLEXITY, complexity,
        AppealProcess.VAR_URGENT, urgent));
  }

  public void acknowledge(Appeal a, String unit) {
    complete(unit + "1", List.of(unit), a, Map.of());
  }

  /** The unit answers and the dispatch centre approves the answer: the reply goes out to the citizen. */
  public void reply(Appeal a, String unit, String outcome, String text) {
    submitReply(a, unit, outcome, text);
    approveReply(a);
  }

  /** The unit's answer, waiting for the dispatch centre's review. */
  public void submitReply(Appeal a, String unit, String outcome, String text) {
    complete(unit + "1", List.of(unit), a, AppealProcess.TASK_HANDLE, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, outcome, AppealProcess.VAR_REPLY_TEXT, text));
  }

  public void approveReply(Appeal a) {
    complete("dispatcher", List.of("dispatch"), a, AppealProcess.TASK_REVIEW_REPLY,
        Map.of(AppealProcess.VAR_REPLY_REVIEW_DECISION, "APPROVE"));
  }

  /** The citizen's time to rate online runs out (its timer fires, whatever the clock says). */
  public void ratingWindowCloses(Appeal a) {
    Job timer = managementService.createJobQuery().processInstanceId(reload(a).processInstanceId())
        .activityId(AppealProcess.TIMER_RATING_WINDOW).singleResult();
    if (timer == null) {
      throw new AssertionError("no rating window open for " + a.trackingNumber());
    }
    managementService.executeJob(timer.getId());
  }

  public void returnToDispatch(Appeal a, String unit, String reason) {
    complete(unit + "1", List.of(unit), a, Map.of(
        AppealProcess.VAR_HANDLING_OUTCOME, "RETURNED", AppealProcess.VAR_RETURN_REASON, reason));
  }

  /** A return visit; an unsatisfied citizen is taken to blame the unit ({@link #visitUnsatisfied} says otherwise). */
  public void visit(Appeal a, String satisfaction) {
    if (task(a, AppealProcess.TASK_RETURN_VISIT) == null) {
      ratingWindowCloses(a);
    }
    if ("UNSATISFIED".equals(satisfaction)) {
      visitUnsatisfied(a, "UNIT", "问题没有解决。");
    } else {
      complete("dispatcher", List.of("dispatch"), a, Map.of(AppealProcess.VAR_SATISFACTION, satisfaction));
    }
  }

  public void visitUnsatisfied(Appeal a, String cause, String note) {
    if (task(a, AppealProcess.TASK_RETURN_VISIT) == null) {
      ratingWindowCloses(a);
    }
    complete("dispatcher", List.of("dispatch"), a, Map.of(AppealProcess.VAR_SATISFACTION, "UNSATISFIED",
        AppealProcess.VAR_UNSATISFIED_CAUSE, cause, AppealProcess.VAR_VISIT_NOTE, note));
  }

  /** Runs the appeal's pending jobs (the job executor is off in tests), e.g. the asynchronous archiving. */
  public void runJobs(Appeal a) {
    String pi = a.processInstanceId() != null ? a.processInstanceId() : reload(a).processInstanceId();
    for (Job job : managementService.createJobQuery().processInstanceId(pi).executable().list()) {
      managementService.executeJob(job.getId());
    }
  }

  /** Sets the engine's (and so the application's) clock to a time of day in Chengdu, e.g. "2026-03-04T10:00". */
  public static void clock(String shanghaiLocalDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiLocalDateTime)
        .atZone(EngineClock.ZONE).toInstant()));
  }

  public static Instant at(String shanghaiLocalDateTime) {
    return LocalDateTime.parse(shanghaiLocalDateTime).atZone(EngineClock.ZONE).toInstant();
  }

  /** Fires the timers of the appeal's processes (its own and those it called) due by now, as the job executor would. */
  public List<String> fireDueTimers(Appeal a) {
    List<String> fired = new java.util.ArrayList<>();
    List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(a.trackingNumber())
        .list().stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
    if (instances.isEmpty()) {
      return fired;
    }
    for (Job job : managementService.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances))
        .timers().executable().list()) {
      fired.add(managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId());
      managementService.executeJob(job.getId());
    }
    return fired;
  }

  public <T> T as(String user, List<String> groups, Supplier<T> work) {
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public List<String> events(Appeal a) {
    return jdbc.sql("select type from appeal_event where appeal_id = ? order by id").param(a.id())
        .query(String.class).list();
  }
}
