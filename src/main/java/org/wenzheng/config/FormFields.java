package org.wenzheng.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The fields people fill in: each form's id ({@code forms/*.form}) and the keys of its fields. */
final class FormFields {

  private FormFields() {
  }

  /** Form id (what a user task's {@code camunda:formRef} names) to the keys of its fields. */
  static Map<String, Set<String>> byForm() {
    Map<String, Set<String>> forms = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode tree = json.readTree(in);
          Set<String> keys = new HashSet<>();
          collectKeys(tree, keys);
          forms.put(tree.path("id").asText(), Set.copyOf(keys));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the forms' fields", e);
    }
    return Map.copyOf(forms);
  }

  /** The keys of every field of every form. */
  static Set<String> allKeys(Map<String, Set<String>> byForm) {
    Set<String> keys = new HashSet<>();
    byForm.values().forEach(keys::addAll);
    return keys;
  }

  /** The keys of the fields of the task's form ({@code camunda:formRef}); none for a task without one. */
  static Set<String> ofTask(Map<String, Set<String>> byForm, TaskEntity task) {
    Expression form = task.getTaskDefinition() == null ? null
        : task.getTaskDefinition().getCamundaFormDefinitionKey();
    return form == null ? Set.of() : byForm.getOrDefault(form.getExpressionText(), Set.of());
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      if (node.hasNonNull("key") && node.hasNonNull("type")) {
        keys.add(node.get("key").asText());
      }
      node.forEach(child -> collectKeys(child, keys));
    } else if (node.isArray()) {
      node.forEach(child -> collectKeys(child, keys));
    }
  }
}
