package org.wenzheng.publicboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicTextTest {

  @Test
  void shouldMaskPhonesIdNumbersEmailsPlatesHouseNumbersAndTheCitizensName() {
    String text = "我是张伟，住双桥路200号3栋2单元501室，电话13812345678，座机028-86671234，"
        + "身份证510108199001011234，邮箱zhangwei.cd@example.com，车牌川A12345被贴罚单。";
    String masked = PublicText.mask(text, "张伟");
    assertThat(masked)
        .contains("张*", "双桥路***号*栋*单元***室", "138****5678", "028-****1234", "510108********1234",
            "z***@example.com", "川A*****")
        .doesNotContain("张伟", "13812345678", "86671234", "199001011234", "zhangwei", "12345被", "200号", "501室");
  }

  @Test
  void shouldKeepWhatThePublicNeedsToFollowTheMatter() {
    String text = "地铁2号线双桥路站C口往北200米，路灯坏了两周（3月1日起）。";
    assertThat(PublicText.mask(text, null)).isEqualTo(text);
  }
}
