package org.wenzheng.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Unit;
import org.wenzheng.security.Groups;

/**
 * Demo accounts, all with the password {@code demo}: one per role, and per unit a handler {@code <code>1} and a
 * leader {@code <code>lead}. Only in the demo profile; the prod profile refuses to start while any of them opens
 * with that password.
 */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final Directory directory;

  DemoUsers(IdentityService identityService, Directory directory) {
    this.identityService = identityService;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure("intake", "渠道", "接入服务", null, List.of(Groups.INTAKE));
    ensure("dispatcher", "调度", "员", "dispatcher@staff.wenzheng.local", List.of(Groups.DISPATCH));
    ensure("supervisor", "督查", "员", "supervisor@staff.wenzheng.local", List.of(Groups.SUPERVISION));
    ensure("auditor", "审计", "员", "auditor@staff.wenzheng.local", List.of(Groups.AUDIT));
    ensure("processowner", "流程", "管理员", "processowner@staff.wenzheng.local", List.of(Groups.PROCESS_OWNERS));
    for (Unit unit : directory.units()) {
      ensure(unit.code() + "1", unit.name(), "经办人", unit.code() + "1@staff.wenzheng.local", List.of(unit.code()));
      ensure(unit.code() + "lead", unit.name(), "负责人", unit.code() + "lead@staff.wenzheng.local",
          List.of(unit.code(), Groups.LEADERS, Groups.leadersOf(unit.code())));
    }
    log.info("Demo users ready (password '{}'): dispatcher, supervisor, auditor, processowner, intake, and per unit "
        + "<code>1 and "
        + "<code>lead, e.g. cgw1", PASSWORD);
  }

  private void ensure(String id, String firstName, String lastName, String email, List<String> groups) {
    if (identityService.createUserQuery().userId(id).singleResult() == null) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }
}
