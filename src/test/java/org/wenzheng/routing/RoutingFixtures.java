package org.wenzheng.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.UnitKind;

/** Routing models of a city's size for benchmarks, from the labelled appeals, each copy with a number of its own. */
public final class RoutingFixtures {

  private RoutingFixtures() {
  }

  /** The labelled appeals that would be routed (not those labelled invalid). */
  static List<JsonNode> labelled(ObjectMapper json) {
    try {
      List<JsonNode> labelled = new ArrayList<>();
      for (String line : Files.readAllLines(RoutingAccuracyTest.DATA)) {
        JsonNode a = json.readTree(line);
        if (!a.path("invalid").asBoolean(false)) {
          labelled.add(a);
        }
      }
      return labelled;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The districts' unit codes: their dispatches are learned as the class of local matters. */
  static Set<String> districts(Directory directory) {
    return directory.units().stream().filter(u -> u.kind() == UnitKind.DISTRICT).map(u -> u.code())
        .collect(Collectors.toSet());
  }

  /** A labelled appeal as a past dispatch, its words followed by {@code suffix}, as the routing index learns it. */
  static RoutingModel.Example example(JsonNode a, Set<String> districts, String suffix) {
    String unit = a.path("department").asText();
    return new RoutingModel.Example(String.join("。", a.path("title").asText(""), a.path("content").asText())
        + suffix, districts.contains(unit) ? RoutingModel.LOCAL : unit, a.path("appealType").asText(),
        a.path("complexity").asText(), a.path("urgent").asBoolean());
  }

  /** {@code n} past dispatches: the labelled appeals over and over, each with a number of its own. */
  static List<RoutingModel.Example> dispatches(List<JsonNode> labelled, Directory directory, int n) {
    Set<String> districts = districts(directory);
    List<RoutingModel.Example> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      examples.add(example(labelled.get(i % labelled.size()), districts, " 第" + i + "件"));
    }
    return examples;
  }

  /** Makes the application suggest from a model of {@code n} past dispatches and the shipped responsibilities. */
  public static void learn(ApplicationContext context, int n) {
    RoutingIndex index = context.getBean(RoutingIndex.class);
    index.use(RoutingModel.of(dispatches(labelled(context.getBean(ObjectMapper.class)),
        context.getBean(Directory.class), n), index.duties(), index.names(), index.dutyWeight));
  }
}
