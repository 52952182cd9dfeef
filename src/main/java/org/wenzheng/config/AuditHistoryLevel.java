package org.wenzheng.config;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * The engine history Wenzheng keeps: everything Camunda's FULL level records about who did what, minus the copies
 * of what our own journal ({@code appeal_event}, sealed in the audit chain) already holds, so that a concluded appeal
 * leaves about a third of the rows (README, "Load and scale"). Kept: the process instances, every task with who
 * completed it, the user operation log, every step and event of the diagram, the decisions with their inputs and
 * outputs, incidents, the jobs that ran or failed, and every value a person submitted in a form, with each change.
 * Left out:
 * <ul>
 *   <li>gateways and the scope of embedded sub-processes: routing, not steps (the auditor's timeline never showed them);
 *   <li>variables the system computes for itself (clock policies, display texts, counters): what they say is in the
 *   appeal row and the journal, where a step writes it in the same transaction;
 *   <li>the creation and deletion of jobs that never ran (a reminder timer dropped because the unit answered in time).
 * </ul>
 * Which variables people submit is read from the forms ({@code forms/*.form}, the fields' keys): a form field added
 * in Modeler is kept once the application restarts with it.
 */
class AuditHistoryLevel extends AbstractHistoryLevel {

  static final int ID = 42;
  static final String NAME = "wenzheng-audit";

  private final Set<String> submitted;

  AuditHistoryLevel(Set<String> submittedVariables) {
    this.submitted = Set.copyOf(submittedVariables);
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType type, Object entity) {
    if (type == HistoryEventTypes.ACTIVITY_INSTANCE_START || type == HistoryEventTypes.ACTIVITY_INSTANCE_END
        || type == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE || type == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE) {
      return !(entity instanceof ExecutionEntity execution) || isStep(execution.getActivity());
    }
    if (type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE || type == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
      String name = entity instanceof VariableInstanceEntity v ? v.getName()
          : entity instanceof HistoricVariableUpdateEventEntity u ? u.getVariableName() : null;
      return name == null || submitted.contains(name);
    }
    return type != HistoryEventTypes.JOB_CREATE && type != HistoryEventTypes.JOB_DELETE;
  }

  /** Whether an activity is a step or event worth a row, rather than routing (a gateway, a sub-process's frame). */
  static boolean isStep(ActivityImpl activity) {
    if (activity == null) {
      return true;
    }
    String type = String.valueOf(activity.getProperty("type"));
    if (type.endsWith("Gateway") || type.equals("multiInstanceBody")) {
      return false;
    }
    return !(type.equals("subProcess") && !activity.isTriggeredByEvent());
  }
}
