package org.wenzheng.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The element templates in {@code .camunda/element-templates} (where Desktop Modeler finds them for the diagrams in
 * {@code processes/}) offer every step of the code, and only those: a delegate or listener bean without a template, or
 * a template naming no bean (or a bean of the wrong kind), fails the build. Each template is valid by Modeler's own
 * schema.
 */
class ElementTemplatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyStepHasATemplateAndEveryTemplateAStep() throws Exception {
    Map<String, Class<?>> steps = steps();
    Map<String, String> named = new TreeMap<>();
    for (JsonNode t : templates()) {
      for (JsonNode p : t.path("properties")) {
        JsonNode binding = p.path("binding");
        String type = binding.path("type").asText();
        String value = p.path("value").asText();
        String kind = null;
        String bean = null;
        if (type.equals("property") && binding.path("name").asText().equals("camunda:delegateExpression")) {
          kind = "delegate";
          bean = value.replaceAll("^\\$\\{|}$", "");
        } else if (type.equals("camunda:executionListener")) {
          kind = "execution";
          bean = value.replaceAll("^\\$\\{|}$", "");
        } else if (type.equals("camunda:property")
            && binding.path("name").asText().startsWith(TemplateTaskListeners.PREFIX)) {
          kind = "task";
          bean = value;
        }
        if (bean != null) {
          named.put(bean, kind);
          assertThat(steps).as("template %s names %s", t.path("id").asText(), bean).containsKey(bean);
          Class<?> expected = switch (kind) {
            case "delegate" -> JavaDelegate.class;
            case "execution" -> ExecutionListener.class;
            default -> TaskListener.class;
          };
          assertThat(expected.isAssignableFrom(steps.get(bean))).as("%s is a %s", bean, expected.getSimpleName())
              .isTrue();
        }
      }
    }
    assertThat(new TreeSet<>(named.keySet())).as("steps with a template").isEqualTo(new TreeSet<>(steps.keySet()));
  }

  @Test
  void everyTemplateIsValidByModelersSchemaAndNamesFormsThatExist() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/element-templates/schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    List<String> forms = new ArrayList<>();
    try (var files = Files.list(Path.of("forms"))) {
      for (Path f : files.toList()) {
        forms.add(JSON.readTree(f.toFile()).path("id").asText());
      }
    }
    try (var files = Files.list(Path.of(".camunda/element-templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        JsonNode file = JSON.readTree(f.toFile());
        assertThat(schema.validate(file)).as(f.toString()).isEmpty();
      }
    }
    Map<String, Integer> ids = new HashMap<>();
    for (JsonNode t : templates()) {
      assertThat(t.path("name").asText()).as("a Chinese name").matches(".*\\p{IsHan}.*");
      assertThat(t.path("description").asText()).as("a Chinese description").matches(".*\\p{IsHan}.*");
      ids.merge(t.path("id").asText(), 1, Integer::sum);
      for (JsonNode p : t.path("properties")) {
        if (p.path("binding").path("name").asText().equals("camunda:formRef")) {
          assertThat(forms).as(t.path("id").asText()).contains(p.path("value").asText());
        }
      }
    }
    assertThat(ids.values()).as("template ids are unique").allMatch(n -> n == 1);
  }

  static List<JsonNode> templates() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (var files = Files.list(Path.of(".camunda/element-templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode file = JSON.readTree(f.toFile());
        if (file.isArray()) {
          file.forEach(out::add);
        } else {
          out.add(file);
        }
      }
    }
    return out;
  }

  /** The project's delegate and listener beans by their bean names. */
  static Map<String, Class<?>> steps() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
    scanner.addIncludeFilter(new AssignableTypeFilter(TaskListener.class));
    scanner.addIncludeFilter(new AssignableTypeFilter(ExecutionListener.class));
    Map<String, Class<?>> out = new TreeMap<>();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.wenzheng")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      if (JavaDelegate.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type)
          || ExecutionListener.class.isAssignableFrom(type)) {
        out.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry), type);
      }
    }
    return out;
  }
}
