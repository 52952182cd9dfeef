package org.wenzheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * One package per capability; no cycles between them, no reaching into another's internals. Writes what it verified
 * as documentation to {@code docs/modules} (README, "Where things live"): a PlantUML diagram of all modules and of
 * each with its neighbours, and a canvas per module (its beans, events, configuration properties).
 */
class ModularityTest {

  private static final ApplicationModules MODULES = ApplicationModules.of(WenzhengApplication.class);

  @Test
  void shouldKeepCapabilitiesApart() {
    MODULES.verify();
  }

  /**
   * What each capability offers the others is named ({@code @NamedInterface}, e.g. appeal's "records", "steps" and
   * "process"): a type another capability uses must be in one, so the named interfaces stay the whole truth about
   * what crosses a boundary, and the module canvases in docs/modules list them.
   */
  @Test
  void shouldUseOnlyWhatACapabilityOffersByName() throws IOException {
    Path root = Path.of("src/main/java/org/wenzheng");
    Pattern imported = Pattern.compile("^import (?:static )?org\\.wenzheng\\.(\\w+)\\.(\\w+)", Pattern.MULTILINE);
    List<String> unnamed = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(root)) {
      for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String module = root.relativize(f).getName(0).toString();
        Matcher m = imported.matcher(Files.readString(f));
        while (m.find()) {
          Path type = root.resolve(m.group(1)).resolve(m.group(2) + ".java");
          if (!m.group(1).equals(module) && Files.exists(type)
              && !Files.readString(type).contains("@NamedInterface(")) {
            unnamed.add(root.relativize(f) + " uses " + m.group(1) + "." + m.group(2));
          }
        }
      }
    }
    assertThat(unnamed).as("types used across capabilities without @NamedInterface").isEmpty();
    MODULES.forEach(module -> module.getNamedInterfaces().forEach(ni ->
        assertThat(ni.getName()).as(module.getDisplayName()).isNotBlank()));
  }

  @Test
  void shouldWriteTheModulesDocumentation() throws IOException {
    Path folder = Path.of("docs/modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    MODULES.forEach(module -> assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc"))
        .as(module.getDisplayName()).isNotEmptyFile());
    try (Stream<Path> diagrams = Files.list(folder)) {
      for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
        sortRelations(diagram);
      }
    }
  }

  /**
   * The Documenter lists a diagram's relations in an order that changes from one JVM to the next; sorted, a diagram
   * changes in git only when the modules do.
   */
  private static void sortRelations(Path diagram) throws IOException {
    List<String> lines = Files.readAllLines(diagram);
    List<String> sorted = new ArrayList<>(lines.size());
    List<String> relations = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("Rel(")) {
        relations.add(line);
        continue;
      }
      Collections.sort(relations);
      sorted.addAll(relations);
      relations.clear();
      sorted.add(line);
    }
    Collections.sort(relations);
    sorted.addAll(relations);
    Files.write(diagram, sorted);
  }
}
