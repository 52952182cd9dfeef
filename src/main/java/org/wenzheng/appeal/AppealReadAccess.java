package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.wenzheng.security.Groups;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.ForbiddenException;
import org.wenzheng.web.NotFoundException;

/**
 * Who may read an appeal through our API: the dispatch centre, the supervision office, auditors and administrators
 * read any appeal; a unit's staff read the appeals their unit holds or once held.
 */
@Component
@NamedInterface("records")
public class AppealReadAccess {

  private final AppealRepository appeals;

  AppealReadAccess(AppealRepository appeals) {
    this.appeals = appeals;
  }

  /**
   * @throws NotFoundException when there is no such appeal
   * @throws ForbiddenException when the current user may not read it
   */
  public Appeal readable(long id) {
    Appeal a = appeals.find(id).orElseThrow(() -> new NotFoundException("诉求 " + id + " 不存在"));
    StaffUser user = StaffUser.current().orElseThrow();
    boolean cityWide = user.isInAny(Groups.DISPATCH, Groups.SUPERVISION, Groups.AUDIT, Groups.ADMIN);
    if (!cityWide && (user.unitCode() == null || !appeals.wasEverWithUnit(id, user.unitCode()))) {
      throw new ForbiddenException("该诉求不属于本单位，无权查看");
    }
    return a;
  }
}
