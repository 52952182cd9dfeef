package org.wenzheng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackingNumbersTest {

  @Test
  void shouldCarryTheShanghaiDayOfReceiptAndACheckDigit() {
    // 2026-11-21 23:30 UTC is already 22 November in Chengdu.
    String n = TrackingNumbers.format(Instant.parse("2026-11-21T23:30:00Z"), 123);
    assertThat(n).startsWith("WZ261122000123").hasSize(15);
    assertThat(TrackingNumbers.isWellFormed(n)).isTrue();
  }

  @Test
  void shouldRecogniseAMistypedOrSwappedDigit() {
    String n = TrackingNumbers.format(Instant.parse("2026-11-21T02:00:00Z"), 4567);
    String typo = n.substring(0, 10) + ((n.charAt(10) - '0' + 1) % 10) + n.substring(11);
    String swapped = n.substring(0, 11) + n.charAt(12) + n.charAt(11) + n.substring(13);
    assertThat(TrackingNumbers.isWellFormed(typo)).isFalse();
    assertThat(n.charAt(11) == n.charAt(12) || !TrackingNumbers.isWellFormed(swapped)).isTrue();
  }

  @Test
  void shouldKeepCountingPastAMillion() {
    String n = TrackingNumbers.format(Instant.parse("2026-11-21T02:00:00Z"), 1_234_567);
    assertThat(n).startsWith("WZ2611211234567");
    assertThat(TrackingNumbers.isWellFormed(n)).isTrue();
  }
}
