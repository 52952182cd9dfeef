package org.wenzheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

  @Test
  void shouldWriteTheModulesDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    MODULES.forEach(module -> assertThat(Path.of("docs/modules", "module-" + module.getIdentifier() + ".adoc"))
        .as(module.getDisplayName()).isNotEmptyFile());
  }
}
