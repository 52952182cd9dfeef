package org.wenzheng.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to run on demo infrastructure or with default secrets. Settings are checked before
 * anything starts (an embedded database, no mail server, a short or demo admin password); once the engine is up, no
 * account may still open with the password {@code demo} (a database that was used for a demo).
 */
@Component
@Profile("prod")
@Order(Integer.MAX_VALUE)
class ProductionGuard implements ApplicationRunner {

  static final String PROFILE = "prod";
  private static final List<String> DEMO_ACCOUNTS = List.of("admin", "intake", "dispatcher", "supervisor",
      "auditor", "cgw1", "cgwlead");

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  ProductionGuard(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> open = DEMO_ACCOUNTS.stream().filter(this::opensWithDemoPassword).toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException("Refusing to start in prod: accounts " + open
          + " still have the demo password; change or delete them");
    }
  }

  /**
   * Compares with the stored hash, as the engine does, but without a login attempt: identityService.checkPassword
   * would count a failure against the account and, after enough restarts, lock the administrator out.
   */
  private boolean opensWithDemoPassword(String userId) {
    if (!(identityService.createUserQuery().userId(userId).singleResult() instanceof UserEntity user)
        || user.getPassword() == null) {
      return false;
    }
    return engineConfiguration.getPasswordManager()
        .check(EncryptionUtil.saltPassword("demo", user.getSalt()), user.getPassword());
  }

  /** Registered in META-INF/spring.factories: runs on the settings, before any bean exists. */
  static class Settings implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
      if (!Arrays.asList(env.getActiveProfiles()).contains(PROFILE)) {
        return;
      }
      List<String> problems = new ArrayList<>();
      if (env.getProperty("spring.datasource.url", "").isBlank()) {
        problems.add("spring.datasource.url is not set (the embedded database is for development only)");
      }
      if (env.getProperty("spring.mail.host", "").isBlank()) {
        problems.add("spring.mail.host is not set");
      }
      String adminPassword = env.getProperty("camunda.bpm.admin-user.password", "");
      if (!env.getProperty("camunda.bpm.admin-user.id", "").isBlank()
          && (adminPassword.length() < 12 || adminPassword.toLowerCase().contains("demo"))) {
        problems.add("camunda.bpm.admin-user.password (WENZHENG_ADMIN_PASSWORD) must have at least 12 characters "
            + "and not be a demo password");
      }
      String linkSecret = env.getProperty("wenzheng.citizen.link-secret", "");
      if (linkSecret.length() < 32 || linkSecret.toLowerCase().contains("demo")) {
        problems.add("wenzheng.citizen.link-secret (WENZHENG_LINK_SECRET) must have at least 32 characters and not "
            + "be the demo secret: it signs the links sent to citizens");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("Refusing to start in prod: " + String.join("; ", problems));
      }
    }
  }
}
