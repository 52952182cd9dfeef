package org.wenzheng.appeal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** Where an appeal stands, as lists and reports see it. */
@NamedInterface("records")
public enum AppealStatus implements Labelled {
  PENDING_REVIEW("待审核"),
  REJECTED("不予受理"),
  DISPATCHED("已转办待签收"),
  HANDLING("办理中"),
  RETURNED("退单待重新派单"),
  REPLY_REVIEW("答复待审核"),
  REPLIED("已答复待回访"),
  CONCLUDED("已办结"),
  ARCHIVED("已归档"),
  /** A duplicate merged into another appeal at review; it shares that appeal's reply. */
  MERGED("已合并办理");

  /** With a unit, not yet answered: dispatched, being handled, returned, its reply under review. */
  public static final Set<AppealStatus> WITH_UNIT = Collections.unmodifiableSet(
      EnumSet.of(DISPATCHED, HANDLING, RETURNED, REPLY_REVIEW));
  /** Accepted at review and not yet concluded: with a unit, or answered and waiting for the citizen. */
  public static final Set<AppealStatus> ACCEPTED_OPEN = Collections.unmodifiableSet(
      EnumSet.of(DISPATCHED, HANDLING, RETURNED, REPLY_REVIEW, REPLIED));
  /** The citizen has the answer. */
  public static final Set<AppealStatus> ANSWERED = Collections.unmodifiableSet(
      EnumSet.of(REPLIED, CONCLUDED, ARCHIVED));
  /** Nothing more will happen: concluded, archived, rejected or merged into another appeal. */
  public static final Set<AppealStatus> CLOSED = Collections.unmodifiableSet(
      EnumSet.of(CONCLUDED, ARCHIVED, REJECTED, MERGED));

  private final String label;

  /** A set of statuses as an SQL list, e.g. {@code ('REPLIED', 'CONCLUDED', 'ARCHIVED')}: one definition each. */
  public static String sql(Set<AppealStatus> statuses) {
    return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
  }

  AppealStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
