package org.wenzheng.intake;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.appeal.Appeal;

/** {@code POST /api/appeals}: channel adapters and hotline operators register appeals here. */
@RestController
@RequestMapping("/api/appeals")
class IntakeController {

  private final IntakeService intake;

  IntakeController(IntakeService intake) {
    this.intake = intake;
  }

  record Receipt(long id, String trackingNumber, String status) {
  }

  @PostMapping(consumes = "application/json", produces = "application/json")
  ResponseEntity<Receipt> submit(@Valid @RequestBody AppealSubmission submission) {
    IntakeService.Intake result = intake.submit(submission);
    Appeal a = result.appeal();
    Receipt receipt = new Receipt(a.id(), a.trackingNumber(), a.status().name());
    if (result.created()) {
      return ResponseEntity.created(URI.create("/api/appeals/" + a.id())).body(receipt);
    }
    return ResponseEntity.ok().location(URI.create("/api/appeals/" + a.id())).body(receipt);
  }
}
