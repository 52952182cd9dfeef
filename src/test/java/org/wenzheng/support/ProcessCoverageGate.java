package org.wenzheng.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's process-coverage gate, run in {@code mvn verify} after the tests (see pom.xml): for each BPMN model
 * that process tests ran, the flow nodes and sequence flows covered by all {@code *ProcessTest} classes together must
 * reach the threshold (default 90%). Prints each model's coverage and what is not covered; fails the build below it.
 *
 * <p>Usage: {@code ProcessCoverageGate <report directory> <threshold>}.
 */
public final class ProcessCoverageGate {

  private static final Pattern ELEMENT = Pattern.compile(
      "<bpmn:(startEvent|endEvent|intermediateThrowEvent|intermediateCatchEvent|boundaryEvent|task|userTask|"
          + "serviceTask|businessRuleTask|scriptTask|sendTask|receiveTask|manualTask|callActivity|subProcess|"
          + "exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway|sequenceFlow)"
          + "\\b[^>]*\\bid=\"([^\"]+)\"");

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
    double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.9;
    if (!Files.isDirectory(dir)) {
      fail("no process-test coverage reports in " + dir + ": did the *ProcessTest classes run?");
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> covered = new TreeMap<>();
    Map<String, String> xml = new TreeMap<>();
    List<Path> reports;
    try (Stream<Path> files = Files.walk(dir)) {
      reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    for (Path report : reports) {
      JsonNode root = json.readTree(report.toFile());
      for (JsonNode model : root.path("models")) {
        xml.putIfAbsent(model.path("key").asText(), model.path("xml").asText());
      }
      for (JsonNode suite : root.path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            covered.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> model : xml.entrySet()) {
      Set<String> elements = new TreeSet<>();
      Matcher m = ELEMENT.matcher(model.getValue());
      while (m.find()) {
        elements.add(m.group(2));
      }
      Set<String> hit = covered.getOrDefault(model.getKey(), Set.of());
      Set<String> missing = new TreeSet<>(elements);
      missing.removeAll(hit);
      double ratio = elements.isEmpty() ? 1.0 : (elements.size() - missing.size()) / (double) elements.size();
      System.out.printf("process coverage %-18s %5.1f%% (%d of %d flow nodes and sequence flows)%s%n", model.getKey(),
          ratio * 100, elements.size() - missing.size(), elements.size(),
          missing.isEmpty() ? "" : "; not covered: " + String.join(", ", missing));
      if (ratio < threshold) {
        failures.add(model.getKey() + " " + String.format("%.1f%%", ratio * 100));
      }
    }
    if (!failures.isEmpty()) {
      fail("process coverage below " + (int) (threshold * 100) + "%: " + String.join(", ", failures));
    }
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }

  private ProcessCoverageGate() {
  }
}
