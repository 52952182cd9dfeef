package org.wenzheng.modelling;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wenzheng.accountability.AccountabilityProcess;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.routing.Routing;
import org.wenzheng.supervision.ExtensionRequestProcess;
import org.wenzheng.supervision.SupervisionProcess;

/**
 * What the code relies on in the models, read from the process contracts ({@link AppealProcess} and the others): the
 * ids of the elements it names (tasks, events, gateways, call activities), the messages it correlates and the
 * escalations it throws; and the outputs of the decisions it reads. A deployment that drops one of them is refused.
 */
final class ModelContracts {

  /** Each process the code drives, with the class that names its elements. */
  static final Map<String, Class<?>> PROCESSES = Map.of(
      AppealProcess.PROCESS_ID, AppealProcess.class,
      SupervisionProcess.PROCESS_ID, SupervisionProcess.class,
      ExtensionRequestProcess.PROCESS_ID, ExtensionRequestProcess.class,
      AccountabilityProcess.PROCESS_ID, AccountabilityProcess.class);

  /** The outputs the code reads from each decision it evaluates. */
  static final Map<String, List<String>> DECISION_OUTPUTS = Map.of(
      AppealProcess.DECISION_REVIEW_DEADLINE, List.of("reviewDuration", "reviewBasis"),
      AppealProcess.DECISION_RESPONSE_DEADLINE, List.of("responseDuration", "responseBasis"),
      AppealProcess.DECISION_RESOLUTION_DEADLINE, List.of("resolutionDuration", "resolutionBasis"),
      AccountabilityProcess.DECISION_TRIGGER, List.of("openCase", "reason"),
      Routing.DECISION_RULES, List.of("unit", "urgent", "note"));

  /** Prefixes of the contract's constants that name elements of the diagram. */
  private static final List<String> ELEMENT_PREFIXES = List.of("TASK_", "CALL_", "END_", "TIMER_", "EVENT_",
      "GATEWAY_", "SUBPROCESS_", "START_");

  private ModelContracts() {
  }

  /** The element ids the code names for a process; empty for a process the code does not drive. */
  static Set<String> elementIds(String processId) {
    return constants(processId, ELEMENT_PREFIXES);
  }

  /** The message names the code correlates for a process. */
  static Set<String> messages(String processId) {
    return constants(processId, List.of("MESSAGE_"));
  }

  /** The escalation codes the code relies on for a process. */
  static Set<String> escalations(String processId) {
    return constants(processId, List.of("ESCALATION_"));
  }

  private static Set<String> constants(String processId, List<String> prefixes) {
    Class<?> contract = PROCESSES.get(processId);
    Set<String> out = new LinkedHashSet<>();
    if (contract == null) {
      return out;
    }
    for (Field f : contract.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
          && prefixes.stream().anyMatch(f.getName()::startsWith)) {
        try {
          out.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
