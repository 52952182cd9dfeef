package org.wenzheng.modelling;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.security.Groups;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.ForbiddenException;
import org.wenzheng.web.Paging;

/**
 * The journal of process changes for supervisors, auditors, process owners and administrators: the page
 * {@code /process-changes} and {@code GET /api/process-changes} (newest first, {@code limit} ≤ 200, {@code offset}).
 */
@Controller
class ProcessChangesController {

  static final String[] READERS = {Groups.SUPERVISION, Groups.AUDIT, Groups.PROCESS_OWNERS, Groups.ADMIN};
  private static final int PAGE = 50;

  private final ProcessChanges changes;

  ProcessChangesController(ProcessChanges changes) {
    this.changes = changes;
  }

  @GetMapping("/process-changes")
  String page(@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
    if (!StaffUser.current().orElseThrow().isInAny(READERS)) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      model.addAttribute("forbidden", "只有督查室、审计、流程管理员和管理员可以查看流程变更");
      return "modelling/changes";
    }
    int p = Math.max(0, page);
    model.addAttribute("changes", changes.latest(PAGE, p * PAGE));
    model.addAttribute("page", p);
    model.addAttribute("more", changes.count() > (long) (p + 1) * PAGE);
    return "modelling/changes";
  }

  @RestController
  static class Api {

    private final ProcessChanges changes;

    Api(ProcessChanges changes) {
      this.changes = changes;
    }

    @GetMapping(path = "/api/process-changes", produces = "application/json")
    Map<String, Object> list(@RequestParam(defaultValue = "50") int limit,
        @RequestParam(defaultValue = "0") int offset) {
      if (!StaffUser.current().orElseThrow().isInAny(READERS)) {
        throw new ForbiddenException("只有督查室、审计、流程管理员和管理员可以查看流程变更");
      }
      Paging page = new Paging(limit, offset);
      List<ProcessChanges.Change> list = changes.latest(page.limit(), page.offset());
      return Map.of("total", changes.count(), "changes", list);
    }
  }
}
