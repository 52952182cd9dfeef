package org.wenzheng.citizen;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How often the public pages may be used, per client (its address) and, for tracking, per tracking number whatever
 * the client: guessing the four phone digits of one appeal from many addresses is throttled as much as from one.
 * Token buckets (Bucket4j) in a bounded in-memory cache: limits are per application node.
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
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
      .expireAfterAccess(Duration.ofHours(2)).build();

  PublicLimits(Settings settings) {
    this.settings = settings;
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
    Bucket bucket = buckets.get(kind + ":" + key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period())
            .build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? OptionalLong.empty()
        : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
  }
}
