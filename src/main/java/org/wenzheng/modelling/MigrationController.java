package org.wenzheng.modelling;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.security.StaffUser;

/**
 * Migration of running instances for process owners and administrators (README, "Changing the process"):
 * {@code POST /api/process-migrations/dry-run} and {@code POST /api/process-migrations} with
 * {@code {"processDefinitionKey":"Appeal","fromVersion":1,"toVersion":2}}, then
 * {@code GET /api/process-migrations/{batchId}} for its progress. Only process owners and administrators reach it
 * ({@code SecurityConfiguration}); the engine checks their migration rights on both versions as well.
 */
@RestController
class MigrationController {

  private final ProcessMigrations migrations;

  MigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  @PostMapping(path = "/api/process-migrations/dry-run", produces = "application/json")
  ProcessMigrations.Plan dryRun(@RequestBody ProcessMigrations.Request request) {
    return migrations.dryRun(request);
  }

  @PostMapping(path = "/api/process-migrations", produces = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ProcessMigrations.Started start(@RequestBody ProcessMigrations.Request request) {
    return migrations.start(request, StaffUser.current().orElseThrow().id());
  }

  @GetMapping(path = "/api/process-migrations/{batchId}", produces = "application/json")
  ProcessMigrations.Progress progress(@PathVariable String batchId) {
    return migrations.progress(batchId);
  }
}
