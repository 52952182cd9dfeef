package org.wenzheng;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One package per capability; no cycles between them, no reaching into another's internals. */
class ModularityTest {

  @Test
  void shouldKeepCapabilitiesApart() {
    ApplicationModules.of(WenzhengApplication.class).verify();
  }
}
