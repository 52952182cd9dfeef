package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

@NamedInterface("records")
public enum Satisfaction implements Labelled {
  SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意"), UNREACHABLE("无法联系");

  private final String label;

  Satisfaction(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
