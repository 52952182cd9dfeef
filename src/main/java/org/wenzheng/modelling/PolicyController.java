package org.wenzheng.modelling;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.web.InvalidFieldException;

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
    LocalDate today = EngineClock.now().atZone(EngineClock.ZONE).toLocalDate();
    LocalDate end = date("to", to, today);
    return preview.preview(dmn, date("from", from, end.minusDays(29)), end);
  }

  private static LocalDate date(String field, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, "日期格式应为 2026-11-30");
    }
  }
}
