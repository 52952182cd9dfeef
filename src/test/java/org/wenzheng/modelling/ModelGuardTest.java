package org.wenzheng.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the deployment guard refuses, file by file, without an engine: the same rules {@link DeploymentGuard} applies
 * to every deployment. The shipped models pass it (as they pass {@code ../shared/tools/check-models}).
 */
class ModelGuardTest {

  /** A few beans as the application has them. */
  private static final ExpressionRules RULES = new ExpressionRules(new ExpressionRules.Beans() {
    final Set<String> steps = Set.of("handleAppealListener", "concludeAppealDelegate", "appealRegistrationGuard");

    @Override
    public boolean exists(String name) {
      return steps.contains(name) || Set.of("appealClocks", "jdbcClient", "processEngine").contains(name);
    }

    @Override
    public boolean isStep(String name) {
      return steps.contains(name);
    }

    @Override
    public boolean isTaskListener(String name) {
      return name.equals("handleAppealListener");
    }

    @Override
    public boolean isFunction(String bean, String method) {
      return bean.equals("appealClocks") && Set.of("due", "reminder", "reviewDue").contains(method);
    }
  });

  private final ModelGuard guard = new ModelGuard(RULES, new ObjectMapper());

  static Stream<Arguments> expressions() {
    return Stream.of(
        Arguments.of("${reviewDecision == 'REJECT'}", false, true),
        Arguments.of("${satisfaction == 'UNSATISFIED' && redoCount == 0}", false, true),
        Arguments.of("#{execution.processBusinessKey}", false, true),
        Arguments.of("${appealClocks.due(execution, 'RESPONSE')}", false, true),
        Arguments.of("${execution.getVariable('coUnits') != null && execution.getVariable('coUnits').size() > 0}",
            false, true),
        Arguments.of("${accountabilityCheck.reason}", false, true),
        Arguments.of("${handleAppealListener}", true, true),
        Arguments.of("${now()}", false, true),
        Arguments.of("${handleAppealListener}", false, false),
        Arguments.of("${appealClocks.deadlines}", false, false),
        Arguments.of("${appealClocks.toString()}", false, false),
        Arguments.of("${jdbcClient.sql('delete from appeal').update() > 0}", false, false),
        Arguments.of("${processEngine}", true, false),
        Arguments.of("${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}", false, false),
        Arguments.of("${x.class.classLoader}", false, false),
        Arguments.of("${execution.getProcessEngineServices().getRuntimeService()}", false, false),
        Arguments.of("${execution.processEngineServices.runtimeService}", false, false),
        Arguments.of("${execution['processEngine']}", false, false),
        Arguments.of("${coUnits[index]}", false, false),
        Arguments.of("${fn:exec('id')}", false, false),
        Arguments.of("${unclosed", false, false));
  }

  @ParameterizedTest
  @MethodSource("expressions")
  void expressionsReachOnlyVariablesStepsAndFunctions(String expression, boolean wholeStep, boolean allowed) {
    assertThat(RULES.problems(expression, wholeStep)).as(expression).satisfies(p -> {
      if (allowed) {
        assertThat(p).isEmpty();
      } else {
        assertThat(p).isNotEmpty();
      }
    });
  }

  @Test
  void theShippedModelsPass() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String folder : List.of("processes", "forms")) {
      try (var list = Files.list(Path.of(folder))) {
        for (Path f : list.sorted().toList()) {
          files.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
    }
    // Beans of the real application are checked when it deploys these at start; here only the structure and forms.
    ModelGuard lenient = new ModelGuard(new ExpressionRules(new ExpressionRules.Beans() {
      @Override
      public boolean exists(String name) {
        return name.endsWith("Listener") || name.endsWith("Delegate") || name.endsWith("Guard")
            || Set.of("appealClocks", "accountabilityTimers", "supervisionTimers", "citizenConversation").contains(name);
      }

      @Override
      public boolean isStep(String name) {
        return name.endsWith("Listener") || name.endsWith("Delegate") || name.endsWith("Guard");
      }

      @Override
      public boolean isTaskListener(String name) {
        return name.endsWith("Listener");
      }

      @Override
      public boolean isFunction(String bean, String method) {
        return true;
      }
    }), new ObjectMapper());
    assertThat(lenient.check(files, key -> false)).isEmpty();
  }

  @Test
  void refusesWhatRunsCodeOrCannotBeShown() throws IOException {
    String appeal = Files.readString(Path.of("processes/appeal.bpmn"));
    assertThat(problems("appeal.bpmn", appeal.replace("camunda:delegateExpression=\"${concludeAppealDelegate}\"",
        "camunda:class=\"org.example.Evil\""))).anyMatch(p -> p.contains("Task_ConcludeAppeal")
        && p.contains("camunda:class"));
    assertThat(problems("appeal.bpmn", appeal.replace("camunda:formRef=\"ReviewReplyForm\" "
        + "camunda:formRefBinding=\"latest\"", "camunda:formKey=\"embedded:deployment:evil.html\"")))
        .anyMatch(p -> p.contains("Task_ReviewReply") && p.contains("HTML"));
    assertThat(problems("appeal.bpmn", appeal.replace("<bpmn:extensionElements><camunda:executionListener "
        + "delegateExpression=\"${appealRegistrationGuard}\" event=\"start\" /></bpmn:extensionElements>",
        "<bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">"
            + "'id'.execute()</camunda:script></camunda:executionListener></bpmn:extensionElements>")))
        .anyMatch(p -> p.contains("StartEvent_AppealReceived") && p.contains("脚本"));
    assertThat(problems("evil.js", "java.lang.Runtime")).anyMatch(p -> p.contains("只能部署"));
    assertThat(problems("appeal.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<x>&e;</x>")).anyMatch(p -> p.contains("无法解析"));
  }

  /** Each of these {@code ../shared/tools/check-models} calls an error (bpmnlint's rule in brackets). */
  @Test
  void refusesWhatCheckModelsCallsAnError() throws IOException {
    String appeal = Files.readString(Path.of("processes/appeal.bpmn"));
    assertThat(problems("appeal.bpmn", appeal.replace("<bpmn:exclusiveGateway id=\"Gateway_RedoNeeded\"",
        "<bpmn:complexGateway id=\"Gateway_RedoNeeded\"").replace(
        "<bpmn:outgoing>SequenceFlow_RedoNeededNo</bpmn:outgoing></bpmn:exclusiveGateway>",
        "<bpmn:outgoing>SequenceFlow_RedoNeededNo</bpmn:outgoing></bpmn:complexGateway>")))
        .anyMatch(p -> p.contains("Gateway_RedoNeeded") && p.contains("no-complex-gateway"));
    assertThat(problems("appeal.bpmn", appeal.replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
        + "${reviewDecision == &#x27;REJECT&#x27;}</bpmn:conditionExpression>", "")))
        .anyMatch(p -> p.contains("SequenceFlow_ReviewAcceptedNo") && p.contains("conditional-flows"));
    assertThat(problems("appeal.bpmn", appeal.replace("name=\"办结诉求\"", "name=\"\"")))
        .anyMatch(p -> p.contains("Task_ConcludeAppeal") && p.contains("label-required"));
    assertThat(problems("appeal.bpmn", appeal.replace("bpmnElement=\"Task_ConcludeAppeal\"", "bpmnElement=\"x\"")))
        .anyMatch(p -> p.contains("Task_ConcludeAppeal") && p.contains("no-bpmndi"));
    assertThat(problems("appeal.bpmn", appeal.replace("<bpmn:sequenceFlow id=\"SequenceFlow_Concluded\" "
        + "sourceRef=\"Task_ConcludeAppeal\" targetRef=\"Task_ArchiveAppeal\" />", "")))
        .anyMatch(p -> p.contains("Task_ConcludeAppeal") && p.contains("no-implicit-end"));
  }

  @Test
  void refusesDecisionsThatAreNotFeelOrDropWhatTheCodeReads() throws IOException {
    String policy = Files.readString(Path.of("processes/deadline-policy.dmn"));
    assertThat(problems("p.dmn", policy.replace("typeRef=\"string\">\n          <text>appealType</text>",
        "typeRef=\"string\" expressionLanguage=\"groovy\">\n          <text>appealType</text>")))
        .anyMatch(p -> p.contains("FEEL"));
    assertThat(problems("p.dmn", policy.replace("<text>\"P1D\"</text>", "<text>\"P1D</text>")))
        .anyMatch(p -> p.contains("OutputEntry_ResolutionGeneral_Duration") && p.contains("FEEL"));
    assertThat(problems("p.dmn", policy.replace("<text>\"GENERAL\"</text></inputEntry>", "<text>== \"GENERAL\"</text>"
        + "</inputEntry>"))).anyMatch(p -> p.contains("InputEntry_ResolutionGeneral_Complexity"));
    assertThat(problems("p.dmn", policy.replace("name=\"resolutionDuration\"", "name=\"duration\"")))
        .anyMatch(p -> p.contains("ResolutionDeadline") && p.contains("resolutionDuration"));
  }

  @Test
  void refusesFormsTasklistCannotRender() {
    assertThat(problems("a.form", "{\"components\":[]}")).anyMatch(p -> p.contains("没有 id"));
    assertThat(problems("a.form", "{\"id\":\"A\",\"components\":[{\"type\":\"filepicker\",\"key\":\"f\"}]}"))
        .anyMatch(p -> p.contains("filepicker"));
    assertThat(problems("a.form", "{\"id\":\"A\",\"components\":[{\"type\":\"text\",\"id\":\"t\","
        + "\"text\":\"{{#if a == 1}}x{{/if}}\"}]}")).anyMatch(p -> p.contains("t") && p.contains("=="));
    assertThat(problems("a.form", "{\"id\":\"A\",\"components\":[{\"type\":\"textfield\",\"key\":\"k\","
        + "\"conditional\":{\"hide\":\"=a and (\"}}]}")).anyMatch(p -> p.contains("conditional.hide"));
    assertThat(problems("a.form", "not json")).anyMatch(p -> p.contains("JSON"));
  }

  private List<String> problems(String name, String content) {
    return guard.check(Map.of(name, content.getBytes(StandardCharsets.UTF_8)), key -> false).stream()
        .map(ModelGuard.Problem::toString).toList();
  }
}
