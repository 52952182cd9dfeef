package org.wenzheng.modelling;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The task listeners a user task names in its properties, e.g. {@code <camunda:property name="taskListener.complete"
 * value="reviewAppealListener"/>}: what the project's element templates set, because Camunda 7's templates can bind an
 * execution listener but not a task listener. The engine then calls the bean as if the diagram declared
 * {@code <camunda:taskListener event="complete" delegateExpression="${reviewAppealListener}"/>}; the deployment guard
 * has checked that the bean is one of the project's task listeners.
 */
final class TemplateTaskListeners extends AbstractBpmnParseListener {

  static final String PREFIX = "taskListener.";
  static final Set<String> EVENTS = Set.of("create", "assignment", "complete", "delete", "update", "timeout");

  @Override
  public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
    Element extensions = userTask.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      String name = property.attribute("name");
      if (name == null || !name.startsWith(PREFIX)) {
        continue;
      }
      var expression = Context.getProcessEngineConfiguration().getExpressionManager()
          .createExpression("${" + property.attribute("value") + "}");
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addTaskListener(name.substring(PREFIX.length()), new DelegateExpressionTaskListener(expression, List.of()));
    }
  }
}
