package org.wenzheng.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The background suggestions keep to their rate, so a flood of intake shares its cores with no more than that. */
class BackgroundSuggestionsTest {

  @Test
  void makesAtMostTheSetNumberASecondAndNoneWhenOff() throws Exception {
    BackgroundSuggestions twoASecond = new BackgroundSuggestions(2);
    AtomicInteger made = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      twoASecond.afterCommit(made::incrementAndGet);
    }
    await().atMost(Duration.ofSeconds(2)).until(() -> made.get() == 2);
    Thread.sleep(200);
    assertThat(made).hasValue(2);
    twoASecond.destroy();

    BackgroundSuggestions off = new BackgroundSuggestions(0);
    off.afterCommit(made::incrementAndGet);
    Thread.sleep(200);
    assertThat(made).hasValue(2);
    off.destroy();
  }
}
