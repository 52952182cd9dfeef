package org.wenzheng.accountability;

import org.wenzheng.appeal.Labelled;

/** The supervision office's ruling on an accountability case. */
public enum Ruling implements Labelled {
  NO_FAULT("无过错"), POINTS_DEDUCTED("扣分"), PUBLIC_CRITICISM("通报批评"), INTERVIEW("约谈");

  private final String label;

  Ruling(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
