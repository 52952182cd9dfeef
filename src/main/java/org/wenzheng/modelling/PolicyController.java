package org.wenzheng.modelling;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.reporting.Period;

/**
 * {@code POST /api/policy/preview?from=2026-11-01&to=2026-11-30} with a changed DMN file as the body (as Modeler saves
 * it): what it would have decided differently in that period (Chinese dates, both included; default the last 30
 * days). For process owners, the supervision office and administrators ({@code SecurityConfiguration}); nothing is
 * deployed.
 */
@RestController
class PolicyController {

  private final PolicyPreview preview;

  PolicyController(PolicyPreview preview) {
    this.preview = preview;
  }

  @PostMapping(path = "/api/policy/preview", consumes = {"application/xml", "text/xml", "application/octet-stream"},
      produces = "application/json")
  PolicyPreview.Preview preview(@RequestBody byte[] dmn, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    LocalDate end = Period.day("to", to, Period.today());
    return preview.preview(dmn, Period.custom(Period.day("from", from, end.minusDays(29)), end));
  }
}
