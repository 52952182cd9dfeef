package org.wenzheng.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.accountability.AccountabilityCase;
import org.wenzheng.accountability.AccountabilityCases;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.Unit;
import org.wenzheng.reporting.Period;
import org.wenzheng.security.Groups;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.ForbiddenException;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.web.NotFoundException;
import org.wenzheng.data.Rows;

/**
 * {@code GET /api/departments/{code}/record?from=2026-03-01&to=2026-03-31}: a unit's efficiency record for a period
 * (dates in Chinese time, both included): supervision notices, returns (justified or not), extensions, accountability
 * cases with their rulings, and the points deducted. City-wide staff read any unit's record; a unit's staff read
 * their own.
 */
@RestController
@RequestMapping("/api/departments")
class DepartmentRecordController {

  private final Directory directory;
  private final SupervisionNotices notices;
  private final ExtensionRequests extensions;
  private final AccountabilityCases cases;
  private final JdbcClient jdbc;

  DepartmentRecordController(Directory directory, SupervisionNotices notices, ExtensionRequests extensions,
      AccountabilityCases cases, JdbcClient jdbc) {
    this.directory = directory;
    this.notices = notices;
    this.extensions = extensions;
    this.cases = cases;
    this.jdbc = jdbc;
  }

  record ReturnEntry(long appealId, String trackingNumber, OffsetDateTime returnedAt, String reason, String decision,
      Boolean justified, String decisionNote) {
  }

  record Totals(int supervisionNotices, int supervisionsMissed, int returns, int unjustifiedReturns,
      int extensionsRequested, int extensionsApproved, int accountabilityCases, int pointsDeducted,
      int publicCriticisms) {
  }

  record Record(String code, String name, LocalDate from, LocalDate to, Totals totals,
      List<SupervisionNotices.Notice> supervisionNotices, List<ReturnEntry> returns,
      List<ExtensionRequests.Extension> extensions, List<AccountabilityCase> accountabilityCases) {
  }

  @GetMapping("/{code}/record")
  Record record(@PathVariable String code, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Unit unit = directory.unit(code).orElseThrow(() -> new NotFoundException("单位 " + code + " 不存在"));
    StaffUser user = StaffUser.current().orElseThrow();
    boolean cityWide = user.isInAny(Groups.DISPATCH, Groups.SUPERVISION, Groups.AUDIT, Groups.ADMIN);
    if (!cityWide && !code.equals(user.unitCode())) {
      throw new ForbiddenException("只能查看本单位的效能记录");
    }
    LocalDate today = Period.today();
    LocalDate start = Period.day("from", from, today.withDayOfMonth(1));
    LocalDate end = Period.day("to", to, today);
    if (end.isBefore(start)) {
      throw new InvalidFieldException("to", "结束日期不能早于开始日期");
    }
    if (start.plusYears(5).isBefore(end)) {
      throw new InvalidFieldException("to", "查询期间不能超过 5 年");
    }
    List<SupervisionNotices.Notice> n = notices.ofDepartment(code, start, end);
    List<ReturnEntry> r = jdbc.sql("""
            select r.appeal_id, a.tracking_number, r.returned_at, r.reason, r.decision, r.justified, r.decision_note
            from published.appeal_return r join published.appeal a on a.id = r.appeal_id
            where r.department_code = ? and r.returned_at >= ? and r.returned_at < ? order by r.returned_at, r.id""")
        .params(code, start.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
            end.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
        .query(Rows.of(ReturnEntry.class)).list();
    List<ExtensionRequests.Extension> e = extensions.ofDepartment(code, start, end);
    List<AccountabilityCase> c = cases.ofDepartment(code, start, end);
    Totals totals = new Totals(n.size(), (int) n.stream().filter(x -> "MISSED".equals(x.outcome())).count(),
        r.size(), (int) r.stream().filter(x -> Boolean.FALSE.equals(x.justified())).count(),
        e.size(), (int) e.stream().filter(x -> "APPROVED".equals(x.status())).count(), c.size(),
        c.stream().mapToInt(AccountabilityCase::points).sum(),
        (int) c.stream().filter(x -> x.ruling() != null && x.ruling().name().equals("PUBLIC_CRITICISM")).count());
    return new Record(code, unit.name(), start, end, totals, n, r, e, c);
  }
}
