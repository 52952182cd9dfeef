package org.wenzheng.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wenzheng.support.Api;
import org.wenzheng.support.SecondNode;
import org.wenzheng.support.WebappSession;
import org.wenzheng.support.WenzhengTest;
import org.wenzheng.web.SharedBuckets;

/**
 * Guessing passwords is slowed down, and nobody can lock a colleague out: after 10 failed logins an account answers
 * 429 with Retry-After (even to the right password) until its bucket refills, at the REST doors and at the webapps'
 * login alike; other accounts are not affected and Camunda never locks the account for good.
 */
@WenzhengTest
class LoginThrottleTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired SharedBuckets buckets;
  @Autowired DataSource dataSource;

  private String newHandler() {
    String id = "throttle" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword("right-password");
    identityService.saveUser(user);
    identityService.createMembership(id, "cgw");
    return id;
  }

  @Test
  void shouldThrottleAnAccountAfterTenFailuresWithoutLockingItForGood() {
    String victim = newHandler();
    Api api = new Api(port);
    for (int i = 0; i < 10; i++) {
      assertThat(basic(api, victim, "wrong-" + i).status()).as("failure " + (i + 1)).isEqualTo(401);
    }
    Api.Response throttled = basic(api, victim, "right-password");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.contentType()).startsWith("application/problem+json");
    assertThat(throttled.json().get("detail").asText()).contains("登录失败次数过多");
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 600L);

    // The same account at the webapps' login is throttled too; a colleague from the same address is not.
    WebappSession session = WebappSession.open(port);
    assertThat(session.login(victim, "right-password", "tasklist")).isEqualTo(429);
    assertThat(api.get("/engine-rest/task/count", "cgw1").status()).isEqualTo(200);

    // Camunda itself never locked the account: once the window has passed, the right password works again.
    assertThat(identityService.checkPassword(victim, "right-password")).isTrue();
  }

  @Test
  void shouldThrottleFailedWebappLoginsPerAccount() {
    String victim = newHandler();
    WebappSession session = WebappSession.open(port);
    for (int i = 0; i < 10; i++) {
      assertThat(session.login(victim, "wrong-" + i, "tasklist")).as("failure " + (i + 1)).isEqualTo(401);
    }
    assertThat(session.login(victim, "right-password", "tasklist")).isEqualTo(429);
    assertThat(basic(new Api(port), victim, "right-password").status()).isEqualTo(429);
  }

  @Test
  void shouldThrottleAnAddressOnEveryNodeAndRefillWithTime() throws Exception {
    LoginThrottle throttle = new LoginThrottle(buckets, 3, 5, Duration.ofMillis(600));
    try (HikariDataSource otherPool = SecondNode.pool(dataSource)) {
      // A second node: its own pool and throttle, on the same database.
      LoginThrottle otherNode = new LoginThrottle(new SharedBuckets(otherPool), 3, 5, Duration.ofMillis(600));
      for (int i = 0; i < 5; i++) {
        LoginThrottle node = i % 2 == 0 ? throttle : otherNode;
        assertThat(node.waitBeforeTrying("user" + i, "10.0.0.9")).isEmpty();
        node.failed("user" + i, "10.0.0.9");
      }
      // Five different accounts from one address, on either node: the address is spent, another address is not.
      assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.9")).isPresent();
      assertThat(otherNode.waitBeforeTrying("someone-else", "10.0.0.9")).isPresent();
      assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.10")).isEmpty();
      Thread.sleep(700);
      assertThat(otherNode.waitBeforeTrying("someone-else", "10.0.0.9")).isEmpty();
    }
  }

  private static Api.Response basic(Api api, String user, String password) {
    return api.getWithPassword("/engine-rest/task/count", user, password);
  }
}
