package org.wenzheng.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to run on demo infrastructure or with default secrets: an embedded database, no
 * real mail server, a short or demo admin password, or any account that still opens with the password {@code demo}.
 */
@Component
@Profile("prod")
@Order(Integer.MAX_VALUE)
class ProductionGuard implements ApplicationRunner {

  private static final List<String> DEMO_ACCOUNTS = List.of("admin", "demo", "intake", "dispatcher", "supervisor",
      "auditor", "cgw1", "cgwlead");

  private final Environment env;
  private final IdentityService identityService;

  ProductionGuard(Environment env, IdentityService identityService) {
    this.env = env;
    this.identityService = identityService;
    List<String> problems = new ArrayList<>();
    if (env.getProperty("spring.datasource.url", "").isBlank()) {
      problems.add("spring.datasource.url is not set (the embedded database is for development only)");
    }
    if (env.getProperty("spring.mail.host", "").isBlank()) {
      problems.add("spring.mail.host is not set");
    }
    String adminPassword = env.getProperty("camunda.bpm.admin-user.password", "");
    if (!env.getProperty("camunda.bpm.admin-user.id", "").isBlank()
        && (adminPassword.length() < 12 || adminPassword.equalsIgnoreCase("demo"))) {
      problems.add("camunda.bpm.admin-user.password must be at least 12 characters and not a demo password");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start in prod: " + String.join("; ", problems));
    }
  }

  /** After the engine is up: no account may still open with the demo password. */
  @Override
  public void run(ApplicationArguments args) {
    List<String> open = DEMO_ACCOUNTS.stream().filter(id -> identityService.checkPassword(id, "demo")).toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException("Refusing to start in prod: accounts " + open
          + " still have the demo password; change or delete them");
    }
  }
}
