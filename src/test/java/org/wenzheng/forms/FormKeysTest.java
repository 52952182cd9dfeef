package org.wenzheng.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two fields of a form bind the same variable. form-js 1.8.7 (Tasklist 7.24) then refuses to render the whole form
 * ("binding path '…' is already claimed"), even when the two are never shown together; check-models does not catch it.
 */
class FormKeysTest {

  @Test
  void everyFieldOfAFormHasItsOwnKey() throws IOException {
    List<String> duplicates = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        Map<String, Integer> keys = new HashMap<>();
        collect(new ObjectMapper().readTree(form.toFile()), keys);
        keys.forEach((key, count) -> {
          if (count > 1) {
            duplicates.add(form.getFileName() + ": " + key + " (" + count + " fields)");
          }
        });
      }
    }
    assertThat(duplicates).isEmpty();
  }

  private static void collect(JsonNode node, Map<String, Integer> keys) {
    for (JsonNode component : node.path("components")) {
      String type = component.path("type").asText();
      // Text, HTML and layout components display; only fields bind a key.
      if (component.hasNonNull("key") && !type.equals("text") && !type.equals("html")) {
        keys.merge(component.get("key").asText(), 1, Integer::sum);
      }
      collect(component, keys);
    }
  }
}
