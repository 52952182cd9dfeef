package org.wenzheng.reporting;

import org.wenzheng.directory.Directory;
import org.wenzheng.security.Groups;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.ForbiddenException;
import org.wenzheng.web.InvalidFieldException;

/**
 * Who sees which figures: the dispatch centre, the supervision office, auditors and administrators see the whole
 * city; a unit's leaders see their own unit only; nobody else sees figures (a handler works appeals, not reports).
 */
record ReportAccess(boolean cityWide, String unitCode) {

  static ReportAccess of(StaffUser user) {
    if (user.isInAny(Groups.DISPATCH, Groups.SUPERVISION, Groups.AUDIT, Groups.ADMIN)) {
      return new ReportAccess(true, null);
    }
    if (user.isIn(Groups.LEADERS) && user.unitCode() != null) {
      return new ReportAccess(false, user.unitCode());
    }
    throw new ForbiddenException("统计报表仅对调度中心、督查室、审计和单位领导开放");
  }

  static ReportAccess current() {
    return of(StaffUser.current().orElseThrow());
  }

  /** The unit a request may look at: any known unit for city-wide staff, only their own for a unit's leaders. */
  String unit(String requested, Directory directory) {
    if (cityWide) {
      String code = requested == null || requested.isBlank() ? null : requested.strip();
      if (code != null && directory.unit(code).isEmpty()) {
        throw new InvalidFieldException("unit", "未知单位 '" + code + "'");
      }
      return code;
    }
    if (requested != null && !requested.isBlank() && !requested.strip().equals(unitCode)) {
      throw new ForbiddenException("只能查看本单位的统计");
    }
    return unitCode;
  }
}
