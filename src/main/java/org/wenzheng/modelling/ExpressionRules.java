package org.wenzheng.modelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may do: read process variables, compare and combine them, read a few
 * harmless facts of the execution or task, and call the project's own steps and
 * {@link org.wenzheng.appeal.ProcessFunction}s. Anything
 * else (another bean, a method of a value such as {@code getClass()}, the engine's services through
 * {@code execution}) is refused, because a model runs inside the application with all its rights.
 */
final class ExpressionRules {

  /** What the guard knows about the application's beans. */
  interface Beans {
    /** Whether a Spring bean has this name (the engine's expressions resolve any bean by its name). */
    boolean exists(String name);

    /** A step: a delegate or listener bean a model may name as a whole ({@code ${handleAppealListener}}). */
    boolean isStep(String name);

    /** A step that is a task listener. */
    boolean isTaskListener(String name);

    /** A method of a bean annotated {@link org.wenzheng.appeal.ProcessFunction}. */
    boolean isFunction(String bean, String method);
  }

  /** The objects Camunda puts into an expression's context besides the variables. */
  private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task", "caseExecution", "variableScope");

  /** Facts of the execution or task an expression may read ({@code execution.processBusinessKey}). */
  private static final Set<String> CONTEXT_PROPERTIES = Set.of("processBusinessKey", "businessKey", "id",
      "processInstanceId", "activityInstanceId", "currentActivityId", "currentActivityName", "eventName",
      "taskDefinitionKey", "name", "assignee", "tenantId", "processDefinitionId");

  /** Methods of the execution or task an expression may call. */
  private static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
      "hasVariableLocal", "getProcessBusinessKey", "getBusinessKey", "getId", "getProcessInstanceId",
      "getCurrentActivityId", "getActivityInstanceId", "getEventName", "getTaskDefinitionKey", "getAssignee");

  /** Methods of a value (a variable, a list) an expression may call: they read, nothing more. */
  private static final Set<String> VALUE_METHODS = Set.of("size", "isEmpty", "contains", "containsKey", "length",
      "equals", "startsWith", "endsWith", "trim", "toLowerCase", "toUpperCase");

  /** Properties no expression may read: the way from any value to reflection and class loaders. */
  private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
      "protectionDomain", "processEngineServices", "processEngine");

  /** Camunda's own functions ({@code ${now()}}). */
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private final Beans beans;

  ExpressionRules(Beans beans) {
    this.beans = beans;
  }

  /** The problem of a task listener named by a user task's property (element templates), or null. */
  String taskListenerProblem(String event, String bean) {
    if (!TemplateTaskListeners.EVENTS.contains(event)) {
      return "任务监听器事件 " + event + " 不存在";
    }
    if (bean == null || !bean.matches("[A-Za-z_][A-Za-z0-9_]*") || !beans.isTaskListener(bean)) {
      return "任务监听器 " + bean + " 不是本项目提供的任务监听器";
    }
    return null;
  }

  /**
   * The problems of one text that may hold expressions ({@code ${…}} or {@code #{…}}, alone or within text), in
   * Chinese; empty when it is allowed. A text without expressions has none.
   */
  List<String> problems(String text, boolean wholeStepAllowed) {
    List<String> out = new ArrayList<>();
    if (text == null || !(text.contains("${") || text.contains("#{"))) {
      return out;
    }
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
    } catch (TreeBuilderException e) {
      out.add("表达式无法解析 (cannot be parsed): " + text);
      return out;
    }
    visit(root, wholeStepAllowed && isSingleIdentifier(root), out, text);
    return out;
  }

  private static boolean isSingleIdentifier(Node root) {
    Node n = root;
    while (n.getCardinality() == 1 && !(n instanceof AstIdentifier)) {
      n = n.getChild(0);
    }
    return n instanceof AstIdentifier;
  }

  private void visit(Node node, boolean wholeStepAllowed, List<String> out, String text) {
    if (node instanceof AstMethod method) {
      if (!(method.getChild(0) instanceof AstDot target)) {
        out.add("不允许这种方法调用 (" + text + ")");
        return;
      }
      String name = propertyName(target);
      Node prefix = target.getChild(0);
      if (prefix instanceof AstIdentifier id && beans.exists(id.getName())) {
        if (!beans.isFunction(id.getName(), name)) {
          out.add("不允许调用 " + id.getName() + "." + name + "()：只能调用标注为流程函数的方法 (" + text + ")");
        }
      } else if (prefix instanceof AstIdentifier id && CONTEXT_OBJECTS.contains(id.getName())) {
        if (!CONTEXT_METHODS.contains(name)) {
          out.add("不允许调用 " + id.getName() + "." + name + "()：它可以触及引擎的服务 (" + text + ")");
        }
      } else {
        if (!VALUE_METHODS.contains(name)) {
          out.add("不允许调用方法 " + name + "() (" + text + ")");
        }
        visit(prefix, false, out, text);
      }
      visit(method.getChild(1), false, out, text);
      return;
    }
    if (node instanceof AstDot dot) {
      checkProperty(dot.getChild(0), propertyName(dot), out, text);
      return;
    }
    if (node instanceof AstBracket bracket) {
      Node key = bracket.getChild(1);
      if (key instanceof AstString || key instanceof AstNumber) {
        checkProperty(bracket.getChild(0), key.toString().replaceAll("^['\"]|['\"]$", ""), out, text);
      } else {
        out.add("不允许用变量作下标 (" + text + ")");
      }
      return;
    }
    if (node instanceof AstIdentifier id) {
      String name = id.getName();
      if (CONTEXT_OBJECTS.contains(name)) {
        return; // passed whole to a function, e.g. appealClocks.due(execution, …)
      }
      if (beans.exists(name) && !(wholeStepAllowed && beans.isStep(name))) {
        out.add(beans.isStep(name)
            ? "步骤 " + name + " 只能作为整个委托表达式或监听器使用 (" + text + ")"
            : "不允许使用 " + name + "：它不是本项目提供给流程的步骤或流程函数 (" + text + ")");
      }
      return;
    }
    if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName().replaceFirst("^:", ""))) {
        out.add("不允许调用函数 " + function.getName() + "() (" + text + ")");
      }
    }
    // A wrapper of one node (the expression itself, parentheses) passes on whether a whole step may stand here.
    boolean wrapper = node.getCardinality() == 1 && (node instanceof AstEval || node instanceof AstNested);
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(node.getChild(i), wrapper && wholeStepAllowed, out, text);
    }
  }

  private void checkProperty(Node prefix, String property, List<String> out, String text) {
    if (FORBIDDEN_PROPERTIES.contains(property)) {
      out.add("不允许读取 ." + property + " (" + text + ")");
      return;
    }
    if (prefix instanceof AstIdentifier id && CONTEXT_OBJECTS.contains(id.getName())) {
      if (!CONTEXT_PROPERTIES.contains(property)) {
        out.add("不允许读取 " + id.getName() + "." + property + " (" + text + ")");
      }
      return;
    }
    if (prefix instanceof AstIdentifier id && beans.exists(id.getName())) {
      out.add("不允许读取 " + id.getName() + "." + property + "：只能调用标注为流程函数的方法 (" + text + ")");
      return;
    }
    visit(prefix, false, out, text);
  }

  /** {@code a.b} prints as {@code ". b"} in Camunda's JUEL. */
  private static String propertyName(AstDot dot) {
    return dot.toString().replaceFirst("^\\.\\s*", "").trim();
  }
}
