package org.wenzheng.citizen;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.wenzheng.web.SharedBuckets;

/**
 * How often the public pages may be used, per client (its address) and, for tracking, per tracking number whatever
 * the client: guessing the four phone digits of one appeal from many addresses is throttled as much as from one.
 * Token buckets kept in PostgreSQL ({@link SharedBuckets}): a limit holds across every node of the application.
 */
@Component
public class PublicLimits {

  /** {@code wenzheng.public-limits.*}: each limit is so many requests per period. */
  @ConfigurationProperties("wenzheng.public-limits")
  public record Settings(Limit submit, Limit trackClient, Limit trackNumber, Limit action) {
    public record Limit(int capacity, Duration period) {
    }
  }

  public enum Kind { SUBMIT, TRACK_CLIENT, TRACK_NUMBER, ACTION }

  private final Settings settings;
  private final SharedBuckets buckets;

  PublicLimits(Settings settings, SharedBuckets buckets) {
    this.settings = settings;
    this.buckets = buckets;
  }

  /**
   * Takes one request from the bucket of this kind and key.
   *
   * @return empty when allowed; otherwise how many seconds until the next request would be
   */
  public OptionalLong take(Kind kind, String key) {
    Settings.Limit limit = switch (kind) {
      case SUBMIT -> settings.submit();
      case TRACK_CLIENT -> settings.trackClient();
      case TRACK_NUMBER -> settings.trackNumber();
      case ACTION -> settings.action();
    };
    ConsumptionProbe probe = buckets.bucket("public:" + kind + ":" + key, limit.capacity(), limit.period())
        .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? OptionalLong.empty()
        : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
  }
}
