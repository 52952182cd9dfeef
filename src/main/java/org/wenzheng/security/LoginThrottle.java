package org.wenzheng.security;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wenzheng.web.SharedBuckets;

/**
 * Slows down password guessing without handing strangers a way to lock staff out: failed logins are counted per
 * client address and per account (token buckets, Bucket4j), and when either is spent further attempts answer 429
 * with {@code Retry-After} until the bucket refills. There is no permanent lock (Camunda's own lockout is switched
 * off in {@code application.yaml}): the dispatcher whose name a stranger tries all day can still log in once the
 * window has passed, and the stranger's address is throttled much sooner than that. A successful login costs
 * nothing. Applies to HTTP Basic ({@code /api}, {@code /engine-rest}, staff pages) and to the webapps' login form.
 * Counted in PostgreSQL ({@link SharedBuckets}), so the limits hold across every node of the application.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final SharedBuckets buckets;
  private final int perAccount;
  private final int perAddress;
  private final Duration period;

  LoginThrottle(SharedBuckets buckets, @Value("${wenzheng.login-throttle.per-account:10}") int perAccount,
      @Value("${wenzheng.login-throttle.per-address:20}") int perAddress,
      @Value("${wenzheng.login-throttle.period:PT10M}") Duration period) {
    this.buckets = buckets;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.period = period;
  }

  /** Seconds to wait if this account or this address has spent its failed attempts; empty if it may try. */
  public OptionalLong waitBeforeTrying(String account, String address) {
    long nanos = Math.max(wait(bucket("account:" + normalise(account), perAccount)),
        wait(bucket("address:" + address, perAddress)));
    return nanos <= 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, Duration.ofNanos(nanos).toSeconds()));
  }

  /** Counts a failed attempt; the first failure that empties a bucket is logged as a burst. */
  public void failed(String account, String address) {
    String a = normalise(account);
    Bucket byAccount = bucket("account:" + a, perAccount);
    if (byAccount.tryConsume(1) && byAccount.getAvailableTokens() == 0) {
      log.warn("Failed logins: account {} throttled for up to {} after {} failures", a, period, perAccount);
    }
    Bucket byAddress = bucket("address:" + address, perAddress);
    if (byAddress.tryConsume(1) && byAddress.getAvailableTokens() == 0) {
      log.warn("Failed logins: address {} throttled for up to {} after {} failures", address, period, perAddress);
    }
  }

  private static long wait(Bucket bucket) {
    return bucket.getAvailableTokens() > 0 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
  }

  private Bucket bucket(String key, int capacity) {
    return buckets.bucket("login:" + key, capacity, period);
  }

  /** As Camunda compares user ids on PostgreSQL (case-sensitively), trimmed and bounded in length. */
  private static String normalise(String account) {
    String a = account == null ? "" : account.strip();
    return a.length() > 128 ? a.substring(0, 128) : a;
  }
}
