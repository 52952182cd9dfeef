package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

@NamedInterface("records")
public enum RejectReason implements Labelled {
  INVALID("无效诉求"), DUPLICATE("重复诉求"), OUT_OF_SCOPE("不属于受理范围");

  private final String label;

  RejectReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
