package org.wenzheng.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wenzheng.WenzhengApplication;
import org.wenzheng.support.TestMail;

/**
 * The prod profile on a real PostgreSQL server: it starts with real secrets and seeds no demo accounts, and it refuses
 * to start with a demo admin password or on a database where demo accounts still open with "demo".
 */
class ProductionProfileTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static Map<String, Object> prod(String database, String adminPassword) {
    Map<String, Object> p = new HashMap<>();
    p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
    p.put("spring.datasource.username", "postgres");
    p.put("spring.datasource.password", "postgres");
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", TestMail.server().getSmtp().getPort());
    p.put("WENZHENG_ADMIN_PASSWORD", adminPassword);
    p.put("WENZHENG_LINK_SECRET", "k8Jq2vXz0pLm4nRt7wYb1cFh6gDs9eAu");
    p.put("server.port", 0);
    p.put("camunda.bpm.job-execution.enabled", false);
    // Camunda keeps engines (by name) and its webapps' runtime in static singletons; these extra applications in the
    // test JVM must neither replace nor, when closed, unset those of the shared test context.
    p.put("camunda.bpm.process-engine-name", "prodtest" + database);
    p.put("camunda.bpm.webapp.enabled", false);
    return p;
  }

  /** As an operator would: settings on the command line, which win over application.yaml. */
  private static ConfigurableApplicationContext start(String profile, Map<String, Object> properties) {
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(WenzhengApplication.class).profiles(profile).run(args);
  }

  private static String createDatabase(String name) throws Exception {
    try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return name;
  }

  @Test
  void shouldStartWithRealSecretsAndNoDemoAccounts() throws Exception {
    String db = createDatabase("prodok");
    try (ConfigurableApplicationContext app = start("prod", prod(db, "a-long-Secret-2026!"))) {
      IdentityService identity = app.getBean(IdentityService.class);
      // The start-up check must not have counted as a failed login (which would lock the administrator out).
      assertThat(identity.checkPassword("admin", "a-long-Secret-2026!")).isTrue();
      assertThat(identity.createUserQuery().userIdIn("dispatcher", "cgw1", "intake", "auditor").count()).isZero();
      // Units are still mirrored as groups: the directory is reference data, not demo data.
      assertThat(identity.createGroupQuery().groupId("cgw").count()).isEqualTo(1);
    }
  }

  @Test
  void shouldRefuseADemoAdminPassword() throws Exception {
    String db = createDatabase("prodweak");
    assertThatThrownBy(() -> start("prod", prod(db, "demo")).close())
        .hasMessageContaining("Refusing to start in prod").hasMessageContaining("admin-user.password");
    Map<String, Object> noMail = prod(db, "a-long-Secret-2026!");
    noMail.remove("spring.mail.host");
    assertThatThrownBy(() -> start("prod", noMail).close()).hasMessageContaining("spring.mail.host");
    Map<String, Object> demoLinks = prod(db, "a-long-Secret-2026!");
    demoLinks.put("WENZHENG_LINK_SECRET", "demo-link-secret-for-this-machine-only-0000");
    assertThatThrownBy(() -> start("prod", demoLinks).close()).hasMessageContaining("link-secret");
  }

  @Test
  void shouldRefuseADatabaseWhereDemoAccountsStillOpen() throws Exception {
    String db = createDatabase("wasdemo");
    Map<String, Object> demo = prod(db, "unused");
    demo.put("wenzheng.demo.sample-appeals", 0);
    start("demo", demo).close();

    assertThatThrownBy(() -> start("prod", prod(db, "a-long-Secret-2026!")).close())
        .hasStackTraceContaining("still have the demo password");
  }
}
