package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

@NamedInterface("records")
public enum ReviewDecision implements Labelled {
  ACCEPT("受理"), REJECT("不予受理"),
  /** A duplicate: merged into an earlier appeal about the same matter, whose reply it shares. */
  MERGE("合并到重复诉求");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
