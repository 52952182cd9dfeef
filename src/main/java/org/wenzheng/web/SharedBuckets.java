package org.wenzheng.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) kept in PostgreSQL ({@code rate_limit_bucket}), so that a limit holds across every node of
 * the application: a citizen tracking an appeal, or someone guessing a password, is counted once whichever node
 * answers. Each use of a bucket is one short transaction that locks its row ({@code SELECT ... FOR UPDATE}); a row
 * expires when its bucket would be full again and is removed by the minute.
 */
@Component
@NamedInterface("problems")
public class SharedBuckets {

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  public SharedBuckets(DataSource dataSource) {
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
        .build();
  }

  /**
   * The bucket of this key: {@code capacity} uses, refilled evenly over {@code period}. A key longer than the column
   * (it may come from a request) is kept as its SHA-256.
   */
  public Bucket bucket(String key, int capacity, Duration period) {
    String id = key.length() <= 200 ? key : "sha256:" + HexFormat.of().formatHex(sha256(key));
    return buckets.builder().build(id, () -> BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build());
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes the rows of buckets that are full again; several nodes may do it at once. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void removeExpired() {
    while (buckets.removeExpired(1000) == 1000) {
      // a large backlog: go on
    }
  }
}
