package org.wenzheng.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's ids: short, plain letters and digits, never twice, and in the order they were made. */
class CompactIdsTest {

  private final CompactIds ids = new CompactIds();

  @Test
  void shouldMakeShortUniqueIdsThatSortByCreation() throws InterruptedException {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      String id = ids.getNextId();
      assertThat(id).hasSize(22).matches("[0-9A-Za-z]+");
      assertThat(seen.add(id)).as("unique: %s", id).isTrue();
    }
    String earlier = ids.getNextId();
    Thread.sleep(2);
    String later = ids.getNextId();
    assertThat(later).isGreaterThan(earlier);
    // The id never names every resource of a kind, which Camunda's authorizations spell "*".
    assertThat(seen).doesNotContain("*");
  }
}
