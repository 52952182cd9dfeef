package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

@NamedInterface("records")
public enum Complexity implements Labelled {
  GENERAL("一般"), DIFFICULT("较难"), COMPLEX("复杂");

  private final String label;

  Complexity(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
