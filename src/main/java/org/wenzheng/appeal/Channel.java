package org.wenzheng.appeal;

import org.springframework.modulith.NamedInterface;

/** Where an appeal came from. */
@NamedInterface("records")
public enum Channel implements Labelled {
  WEB("网站"), WEIBO("微博"), WECHAT("微信"), ALIPAY("支付宝"), SMS("短信"), APP("移动应用"), MAILBOX("领导信箱"),
  HOTLINE("12345热线"),
  /** A client application speaking Open311 GeoReport v2 (a 311 app, FixMyStreet). */
  OPEN311("Open311 应用");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
