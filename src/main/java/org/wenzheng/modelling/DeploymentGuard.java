package org.wenzheng.modelling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.wenzheng.appeal.ProcessFunction;

/**
 * Checks every deployment before the engine stores it, whichever door it came through ({@code /engine-rest}, the
 * webapps' API, the application's own start-up deployment): a refused deployment answers 400 with each problem named by
 * file and element (Camunda's {@link ParseException}, which Desktop Modeler shows element by element) and stores
 * nothing. An accepted one is journalled in the same transaction ({@link ProcessChanges}). Who may deploy at all is
 * decided before: administrators and process owners ({@code EngineDoor}, and the engine's CREATE on deployments).
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(DeploymentGuard.class);

  private final ApplicationContext context;
  private final ObjectMapper json;
  private final ProcessChanges changes;

  DeploymentGuard(ApplicationContext context, ObjectMapper json, ProcessChanges changes) {
    this.context = context;
    this.json = json;
    this.changes = changes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(this::deploy);
    configuration.setCustomPreDeployers(pre);
    List<BpmnParseListener> parse = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parse.add(new TemplateTaskListeners());
    configuration.setCustomPostBPMNParseListeners(parse);
  }

  /** The rules for expressions, with the application's beans. */
  ExpressionRules expressionRules() {
    return new ExpressionRules(new ExpressionRules.Beans() {
      @Override
      public boolean exists(String name) {
        return context.containsBean(name);
      }

      @Override
      public boolean isStep(String name) {
        Class<?> type = type(name);
        return type != null && type.getName().startsWith("org.wenzheng.")
            && (JavaDelegate.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type)
            || ExecutionListener.class.isAssignableFrom(type));
      }

      @Override
      public boolean isTaskListener(String name) {
        Class<?> type = type(name);
        return isStep(name) && TaskListener.class.isAssignableFrom(type);
      }

      @Override
      public boolean isFunction(String bean, String method) {
        Class<?> type = type(bean);
        if (type == null || !type.getName().startsWith("org.wenzheng.")) {
          return false;
        }
        for (var m : ReflectionUtils.getUniqueDeclaredMethods(type)) {
          if (m.getName().equals(method) && AnnotationUtils.findAnnotation(m, ProcessFunction.class) != null) {
            return true;
          }
        }
        return false;
      }

      private Class<?> type(String name) {
        Class<?> type = context.getType(name);
        return type == null ? null : AopUtils.isAopProxy(type) ? type.getSuperclass() : type;
      }
    });
  }

  private void deploy(DeploymentEntity deployment) {
    if (deployment.isNew() && deployment.getResources() != null) {
      CommandContext command = Context.getCommandContext();
      Map<String, byte[]> files = new LinkedHashMap<>();
      deployment.getResources().forEach((name, resource) -> files.put(name, ((ResourceEntity) resource).getBytes()));
      List<ModelGuard.Problem> problems = new ModelGuard(expressionRules(), json).check(files,
          key -> command.runWithoutAuthorization(
              () -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key)) != null);
      if (!problems.isEmpty()) {
        throw refusal(problems);
      }
      String user = command.getAuthenticatedUserId();
      List<Object> details = command.runWithoutAuthorization(() -> whatChanged(command, files));
      changes.record("DEPLOYMENT", user == null ? "system" : user, deployment.getId(), deployment.getName(),
          deployment.getSource(), files.keySet(), details);
      log.info("Deployment {} ({}) by {}: {}", deployment.getId(), deployment.getName(), user == null ? "system" : user,
          files.keySet());
    }
  }

  /** Per file, what it changes against the latest deployed version of each decision and process in it. */
  private static List<Object> whatChanged(CommandContext command, Map<String, byte[]> files) {
    List<Object> out = new ArrayList<>();
    files.forEach((name, bytes) -> {
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        List<ModelDiff.TableChange> tables = new ArrayList<>();
        ModelDiff.tables(bytes).forEach((key, table) -> {
          var previous = command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key);
          byte[] was = previous == null ? null
              : previousBytes(command, previous.getDeploymentId(), previous.getResourceName());
          ModelDiff.Table before = was == null ? null : ModelDiff.tables(was).get(key);
          ModelDiff.TableChange change = ModelDiff.compare(before, previous == null ? null : previous.getVersion(),
              table);
          if (!change.isEmpty()) {
            tables.add(change);
          }
        });
        out.add(Map.of("file", name, "decisions", tables));
      } else if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
        List<ModelDiff.ProcessChange> processes = new ArrayList<>();
        Map<String, String> names = ModelDiff.processNames(bytes);
        ModelDiff.processes(bytes).forEach((key, steps) -> {
          var previous = command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key);
          byte[] was = previous == null ? null
              : previousBytes(command, previous.getDeploymentId(), previous.getResourceName());
          Map<String, ModelDiff.Element> before = was == null ? null : ModelDiff.processes(was).get(key);
          processes.add(ModelDiff.compare(key, names.get(key), before,
              previous == null ? null : previous.getVersion(), steps));
        });
        out.add(Map.of("file", name, "processes", processes));
      } else {
        out.add(Map.of("file", name));
      }
    });
    return out;
  }

  /** The file of a definition's latest deployed version, or null when it is gone. */
  private static byte[] previousBytes(CommandContext command, String deploymentId, String resourceName) {
    var resource = command.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
    return resource == null ? null : resource.getBytes();
  }

  private static ParseException refusal(List<ModelGuard.Problem> problems) {
    StringBuilder message = new StringBuilder("部署被拒绝 (deployment refused)：");
    problems.stream().limit(20).forEach(p -> message.append("\n").append(p));
    if (problems.size() > 20) {
      message.append("\n… 共 ").append(problems.size()).append(" 个问题");
    }
    String resource = problems.get(0).resource();
    List<Problem> errors = problems.stream().filter(p -> p.resource().equals(resource))
        .map(Problem.class::cast).toList();
    return new ParseException(message.toString(), resource, errors, List.of());
  }
}
