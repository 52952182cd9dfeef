package org.wenzheng.supervision;

import org.wenzheng.appeal.Labelled;

/** A leader's or the supervision office's answer to an extension request. */
public enum Decision implements Labelled {
  APPROVE("同意"), REJECT("不同意");

  private final String label;

  Decision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
