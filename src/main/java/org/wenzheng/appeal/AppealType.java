package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

@NamedInterface("records")
public enum AppealType implements Labelled {
  CONSULTATION("咨询办事"), COMPLAINT("举报投诉"), SUGGESTION("建言献策"), INFORMATION("信息资讯");

  private final String label;

  AppealType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
