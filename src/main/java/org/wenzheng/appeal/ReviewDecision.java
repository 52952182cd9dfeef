package org.wenzheng.appeal;

public enum ReviewDecision implements Labelled {
  ACCEPT("受理"), REJECT("不予受理");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
