package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

/** How a concluded appeal ended. */
@NamedInterface("records")
public enum Conclusion implements Labelled {
  RESOLVED("已解决"), EXPLAINED("已解释说明"), UNSATISFIED("不满意办结");

  private final String label;

  Conclusion(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
