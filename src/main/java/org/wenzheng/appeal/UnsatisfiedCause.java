package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

/**
 * Why a citizen is not satisfied, as the dispatcher finds on the return visit. Only a redo the unit caused may lead to
 * accountability (accountability-triggers.dmn): a citizen who wants more than policy allows is not the unit's fault.
 */
@NamedInterface("records")
public enum UnsatisfiedCause implements Labelled {
  UNIT("单位原因"), OTHER("非单位原因");

  private final String label;

  UnsatisfiedCause(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
