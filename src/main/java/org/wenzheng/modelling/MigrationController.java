package org.wenzheng.modelling;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.security.Groups;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.ForbiddenException;

/**
 * Migration of running instances for process owners and administrators (README, "Changing the process"):
 * {@code POST /api/process-migrations/dry-run} and {@code POST /api/process-migrations} with
 * {@code {"processDefinitionKey":"Appeal","fromVersion":1,"toVersion":2}}, then
 * {@code GET /api/process-migrations/{batchId}} for its progress. The engine checks the caller's migration rights on
 * both versions as well.
 */
@RestController
class MigrationController {

  private final ProcessMigrations migrations;

  MigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  @PostMapping(path = "/api/process-migrations/dry-run", produces = "application/json")
  ProcessMigrations.Plan dryRun(@RequestBody ProcessMigrations.Request request) {
    owner();
    return migrations.dryRun(request);
  }

  @PostMapping(path = "/api/process-migrations", produces = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ProcessMigrations.Started start(@RequestBody ProcessMigrations.Request request) {
    return migrations.start(request, owner().id());
  }

  @GetMapping(path = "/api/process-migrations/{batchId}", produces = "application/json")
  ProcessMigrations.Progress progress(@PathVariable String batchId) {
    owner();
    return migrations.progress(batchId);
  }

  private static StaffUser owner() {
    StaffUser user = StaffUser.current().orElseThrow();
    if (!user.isInAny(Groups.PROCESS_OWNERS, Groups.ADMIN)) {
      throw new ForbiddenException("只有流程管理员和管理员可以迁移运行中的流程");
    }
    return user;
  }
}
