package org.wenzheng.publicboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** Each written form of personal data, as citizens write them, and what the public sees. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      mobile with hyphens               | 电话138-1234-5678请回电        | 138****5678          | 1234-5678
      mobile with spaces                | 电话138 1234 5678请回电        | 138****5678          | 1234 5678
      mobile with +86                   | 电话+8613812345678            | 138****5678          | 13812345678
      mobile with +86 and spaces        | 电话+86 138 1234 5678         | 138****5678          | 1234 5678
      mobile in full width              | 电话１３８１２３４５６７８         | 138****5678          | １２３４
      landline                          | 座机028-86671234             | 028-****1234         | 8667
      ID number with spaces             | 身份证510108 19900101 1234    | 510108********1234   | 19900101
      ID number ending in X             | 身份证51010819900101123X      | 510108********123X   | 19900101
      15-digit ID number                | 身份证510108900101123         | 510108******123      | 900101
      bank card in groups               | 卡号6222 0212 3456 7890 123退款 | ************0123     | 6222
      bank card in one run              | 卡号6222021234567890         | ************7890     | 62220212
      plate with a middle dot           | 车牌川A·12345乱停            | 川A*****              | 12345
      plate in lower case with a space  | 车牌川a 12345乱停             | 川A*****              | 12345
      plate in full width               | 车牌川Ａ１２３４５乱停            | 川A*****              | １２３４５
      new-energy plate                  | 车牌粤B12345D乱停             | 粤B*****              | 12345D
      e-mail                            | 邮箱zhang.wei@qq.com         | z***@qq.com          | zhang.wei
      a neighbour's name                | 邻居王建国每晚装修               | 邻居王**               | 王建国
      a contact's name                  | 联系人：李小红                  | 联系人：李**             | 李小红
      a manager's name                  | 物业经理刘强不处理                | 经理刘*                | 刘强
      """)
  void shouldMaskEveryCommonForm(String what, String text, String shown, String hidden) {
    String masked = PublicText.mask(text, null);
    assertThat(masked).as(what).contains(shown).doesNotContain(hidden);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a date and a time       | 2026-11-30 09:00起停水
      a metro line and metres | 地铁2号线双桥路站往北200米
      a polite form of address | 联系人：王先生
      an amount               | 罚款200元
      """)
  void shouldLeaveWhatIsNotPersonal(String what, String text) {
    assertThat(PublicText.mask(text, null)).as(what).isEqualTo(text);
  }
}
