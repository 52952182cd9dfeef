package org.wenzheng.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.appeal.AppealReadAccess;
import org.wenzheng.appeal.AppealRepository;
import org.wenzheng.security.Groups;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.ForbiddenException;

/**
 * 痕迹管理 for staff: {@code GET /api/appeals/{id}/timeline} (JSON), the auditor's page {@code /audit} (find an
 * appeal by its tracking number and read every step), and {@code GET /api/audit/verify} (recompute the audit chain).
 */
@Controller
class AuditController {

  private final AuditTimeline timeline;
  private final AppealReadAccess access;
  private final AppealRepository appeals;

  AuditController(AuditTimeline timeline, AppealReadAccess access, AppealRepository appeals) {
    this.timeline = timeline;
    this.access = access;
    this.appeals = appeals;
  }

  @GetMapping("/audit")
  String page(@RequestParam(defaultValue = "") String trackingNumber, Model model, HttpServletResponse response) {
    String number = trackingNumber.strip();
    model.addAttribute("trackingNumber", number);
    if (!number.isEmpty()) {
      Appeal appeal = appeals.findByTrackingNumber(number).orElse(null);
      if (appeal == null) {
        model.addAttribute("notFound", true);
      } else {
        try {
          model.addAttribute("timeline", timeline.of(access.readable(appeal.id())));
        } catch (ForbiddenException e) {
          response.setStatus(HttpStatus.FORBIDDEN.value());
          model.addAttribute("forbidden", e.getMessage());
        }
      }
    }
    return "audit/timeline";
  }

  /** The same as JSON, for tools; errors as problem+json. */
  @RestController
  static class Api {

    private final AuditTimeline timeline;
    private final AuditChain chain;
    private final AppealReadAccess access;

    Api(AuditTimeline timeline, AuditChain chain, AppealReadAccess access) {
      this.timeline = timeline;
      this.chain = chain;
      this.access = access;
    }

    @GetMapping(path = "/api/appeals/{id}/timeline", produces = "application/json")
    AuditTimeline.Timeline timeline(@PathVariable long id) {
      return timeline.of(access.readable(id));
    }

    @GetMapping(path = "/api/audit/verify", produces = "application/json")
    AuditChain.Verification verify() {
      if (!StaffUser.current().orElseThrow().isInAny(Groups.AUDIT, Groups.SUPERVISION, Groups.ADMIN)) {
        throw new ForbiddenException("只有审计、督查室和管理员可以校验审计链");
      }
      return chain.verify();
    }
  }
}
