package org.wenzheng.appeal;

/** Where an appeal stands, as lists and reports see it. */
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

  private final String label;

  AppealStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
