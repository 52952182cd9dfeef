package org.wenzheng.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import org.wenzheng.identity.SystemActions;

/**
 * The supervision office's routing rules ({@code processes/routing-rules.dmn}, decision {@code RoutingRules}, changed
 * in Camunda Modeler and deployed like the process): the first rule that fits the appeal's words, district and
 * channel names the unit, and whether it is urgent. The latest deployed version is read from the engine's repository
 * and evaluated by Camunda's DMN engine, without an entry in the decision history for every suggestion (the
 * suggestion itself is recorded, with the rule's note).
 */
@Component
class RoutingRules {

  /** What a rule decided. */
  record Ruling(String unit, boolean urgent, String note) {
  }

  private final RepositoryService repository;
  private final SystemActions system;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  RoutingRules(RepositoryService repository, SystemActions system) {
    this.repository = repository;
    this.system = system;
  }

  /** The first rule that fits, if any (and if the table is deployed). */
  Optional<Ruling> apply(String text, String district, String channel) {
    DmnDecision decision = latest();
    if (decision == null) {
      return Optional.empty();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("text", text);
    variables.put("district", district);
    variables.put("channel", channel);
    DmnDecisionResultEntries hit = dmn.evaluateDecision(decision, variables).getFirstResult();
    if (hit == null || !(hit.get("unit") instanceof String unit) || unit.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Ruling(unit.strip(), Boolean.TRUE.equals(hit.get("urgent")),
        hit.get("note") instanceof String note ? note : null));
  }

  private DmnDecision latest() {
    DecisionDefinition definition = system.call(() -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(Routing.DECISION_RULES).latestVersion().singleResult());
    if (definition == null) {
      return null;
    }
    return parsed.computeIfAbsent(definition.getId(), id -> system.call(() -> {
      try (InputStream model = repository.getDecisionModel(id)) {
        return dmn.parseDecision(Routing.DECISION_RULES, model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }
}
