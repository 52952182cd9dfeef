package org.wenzheng.modelling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.wenzheng.calendar.Basis;
import org.wenzheng.calendar.Calendars;
import org.wenzheng.calendar.DeadlineDuration;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.calendar.WorkingCalendar;
import org.wenzheng.reporting.Period;
import org.wenzheng.web.InvalidFieldException;

/**
 * What a changed decision table would have decided differently: each decision the engine made in a period with a
 * decision of the same id (the deadline policy's, the accountability triggers') is evaluated again, with the inputs it
 * had then (the engine's history keeps them), by the changed table. Nothing is deployed or changed. For a deadline
 * policy it also says when the deadline would have fallen, counted from the decision, on today's calendar.
 */
@Component
class PolicyPreview {

  /** How many past decisions one preview replays at most: a longer period is refused. */
  static final int MAX_DECISIONS = 50_000;
  /** How many differing decisions are listed one by one (all are counted). */
  static final int MAX_LISTED = 500;
  private static final int PAGE = 1000;

  record Summary(String key, String name, long evaluated, long changed, long notReplayed, List<String> reasons) {
  }

  record Difference(String trackingNumber, String decision, OffsetDateTime evaluatedAt, Map<String, Object> inputs,
      Map<String, Object> before, Map<String, Object> after, OffsetDateTime dueBefore, OffsetDateTime dueAfter) {
  }

  record Preview(LocalDate from, LocalDate to, List<Summary> decisions, long changed, List<Difference> differences,
      boolean listTruncated) {
  }

  private final HistoryService history;
  /**
   * A DMN engine of its own (FEEL, as the process engine's): the process engine's would record every evaluation in
   * its history as if it had been a decision.
   */
  private final DmnEngine standalone = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Calendars calendars;
  private final DeploymentGuard guard;
  private final ObjectMapper json;

  PolicyPreview(HistoryService history, Calendars calendars, DeploymentGuard guard, ObjectMapper json) {
    this.history = history;
    this.calendars = calendars;
    this.guard = guard;
    this.json = json;
  }

  /** The changed table's decisions for the period, days in Chinese office time (at most a year: {@link Period}). */
  Preview preview(byte[] dmn, Period period) {
    List<ModelGuard.Problem> problems = new ModelGuard(guard.expressionRules(), json)
        .check(Map.of("preview.dmn", dmn), key -> true);
    if (!problems.isEmpty()) {
      throw new InvalidFieldException("dmn", problems.stream().limit(5).map(p -> (p.elementId() == null ? ""
          : p.elementId() + "：") + p.message()).collect(Collectors.joining("；")));
    }
    DmnEngine dmnEngine = standalone;
    List<DmnDecision> decisions;
    try {
      decisions = dmnEngine.parseDecisions(new ByteArrayInputStream(dmn));
    } catch (RuntimeException e) {
      throw new InvalidFieldException("dmn", "决策表无法解析：" + e.getMessage());
    }
    Date start = Date.from(period.start());
    Date end = Date.from(period.end());
    WorkingCalendar calendar = calendars.current();
    List<Summary> summaries = new ArrayList<>();
    List<Difference> differences = new ArrayList<>();
    long changedTotal = 0;
    long seen = 0;
    for (DmnDecision decision : decisions) {
      if (!decision.isDecisionTable()) {
        continue;
      }
      Map<String, String> variableOfInput = new HashMap<>();
      for (DmnDecisionTableInputImpl input : ((DmnDecisionTableImpl) decision.getDecisionLogic()).getInputs()) {
        String expression = input.getExpression() == null ? null : input.getExpression().getExpression();
        variableOfInput.put(input.getId(), expression != null && expression.strip().matches("[A-Za-z_][A-Za-z0-9_]*")
            ? expression.strip() : null);
      }
      long evaluated = 0;
      long changed = 0;
      long notReplayed = 0;
      Set<String> reasons = new java.util.LinkedHashSet<>();
      for (int first = 0; ; first += PAGE) {
        List<HistoricDecisionInstance> page = history.createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(decision.getKey()).evaluatedAfter(start).evaluatedBefore(end)
            .includeInputs().includeOutputs().orderByEvaluationTime().asc().listPage(first, PAGE);
        seen += page.size();
        if (seen > MAX_DECISIONS) {
          throw new InvalidFieldException("from", "这个时段的决策超过 " + MAX_DECISIONS + " 次，请缩短时段");
        }
        Map<String, String> numbers = trackingNumbers(page);
        for (HistoricDecisionInstance past : page) {
          evaluated++;
          Map<String, Object> variables = new LinkedHashMap<>();
          Set<String> recorded = new java.util.HashSet<>();
          for (HistoricDecisionInputInstance in : past.getInputs()) {
            recorded.add(in.getClauseId());
            String variable = variableOfInput.get(in.getClauseId());
            if (variable != null) {
              variables.put(variable, in.getValue());
            }
          }
          String missing = variableOfInput.entrySet().stream()
              .filter(e -> e.getValue() == null || !recorded.contains(e.getKey())).map(Map.Entry::getKey)
              .findFirst().orElse(null);
          if (missing != null) {
            notReplayed++;
            reasons.add("输入列 " + missing + " 是新的或不是一个变量名：过去的决策没有它的值");
            continue;
          }
          Map<String, Object> before = new LinkedHashMap<>();
          Integer firstRule = past.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleOrder)
              .filter(Objects::nonNull).min(Integer::compare).orElse(null);
          for (HistoricDecisionOutputInstance out : past.getOutputs()) {
            if (Objects.equals(out.getRuleOrder(), firstRule)) {
              before.put(out.getVariableName(), out.getValue());
            }
          }
          DmnDecisionResultEntries result = dmnEngine.evaluateDecision(decision, variables).getFirstResult();
          Map<String, Object> after = result == null ? Map.of() : new LinkedHashMap<>(result.getEntryMap());
          if (text(before).equals(text(after))) {
            continue;
          }
          changed++;
          if (differences.size() < MAX_LISTED) {
            OffsetDateTime at = EngineClock.local(EngineClock.utc(past.getEvaluationTime().toInstant()));
            differences.add(new Difference(numbers.get(past.getProcessInstanceId()), decision.getKey(), at,
                variables, before, after, due(calendar, past.getEvaluationTime().toInstant(), before),
                due(calendar, past.getEvaluationTime().toInstant(), after)));
          }
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      changedTotal += changed;
      summaries.add(new Summary(decision.getKey(), decision.getName(), evaluated, changed, notReplayed,
          List.copyOf(reasons)));
    }
    if (summaries.isEmpty()) {
      throw new InvalidFieldException("dmn", "没有决策表");
    }
    return new Preview(period.from(), period.to(), summaries, changedTotal, differences,
        changedTotal > differences.size());
  }

  private Map<String, String> trackingNumbers(List<HistoricDecisionInstance> page) {
    String[] ids = page.stream().map(HistoricDecisionInstance::getProcessInstanceId).filter(Objects::nonNull)
        .distinct().toArray(String[]::new);
    if (ids.length == 0) {
      return Map.of();
    }
    return history.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(ids)).listPage(0, ids.length)
        .stream().filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
  }

  private static Map<String, String> text(Map<String, Object> values) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  /** For a deadline policy's row ({@code …Duration}, {@code …Basis}): when it would have been due. */
  private static OffsetDateTime due(WorkingCalendar calendar, Instant from, Map<String, Object> row) {
    Object duration = row.entrySet().stream().filter(e -> e.getKey().endsWith("Duration")).map(Map.Entry::getValue)
        .findFirst().orElse(null);
    Object basis = row.entrySet().stream().filter(e -> e.getKey().endsWith("Basis")).map(Map.Entry::getValue)
        .findFirst().orElse(null);
    if (duration == null || basis == null) {
      return null;
    }
    try {
      Instant due = calendar.add(from, DeadlineDuration.parse(String.valueOf(duration)),
          Basis.valueOf(String.valueOf(basis)));
      return EngineClock.local(EngineClock.utc(due));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
