package org.wenzheng.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.support.SecondNode;
import org.wenzheng.support.WenzhengTest;
import org.wenzheng.web.SharedBuckets;

/**
 * The public pages' limits hold across nodes: a second node of the application (its own connection pool and its own
 * limits, on the same database) counts against the same buckets as this one.
 */
@WenzhengTest
class SharedLimitsTest {

  @Autowired PublicLimits thisNode;
  @Autowired PublicLimits.Settings settings;
  @Autowired DataSource dataSource;

  @Test
  void shouldCountATrackingNumberOnceWhicheverNodeAnswers() throws Exception {
    try (HikariDataSource pool = SecondNode.pool(dataSource)) {
      PublicLimits otherNode = new PublicLimits(settings, new SharedBuckets(pool));
      int capacity = settings.trackNumber().capacity();
      String number = "WZ" + UUID.randomUUID();

      for (int i = 0; i < capacity; i++) {
        PublicLimits node = i % 2 == 0 ? thisNode : otherNode;
        assertThat(node.take(PublicLimits.Kind.TRACK_NUMBER, number)).as("try %d", i + 1).isEmpty();
      }
      assertThat(otherNode.take(PublicLimits.Kind.TRACK_NUMBER, number)).isPresent();
      assertThat(thisNode.take(PublicLimits.Kind.TRACK_NUMBER, number).orElse(0)).isPositive();
      // Another number, and the same number's client limit, are counted apart.
      assertThat(otherNode.take(PublicLimits.Kind.TRACK_NUMBER, number + "-other")).isEmpty();
      assertThat(otherNode.take(PublicLimits.Kind.TRACK_CLIENT, number)).isEmpty();
    }
  }
}
