package org.wenzheng.handling;

import org.wenzheng.appeal.Labelled;

/** The dispatch centre's decision on a return. */
enum ReturnDecision implements Labelled {
  AGREE("同意退单，重新派单"), REJECT("不同意，退回原单位继续办理");

  private final String label;

  ReturnDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
