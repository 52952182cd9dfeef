package org.wenzheng.publicboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data out of text shown to the public (the board, Open311): phone numbers, ID numbers, e-mail addresses,
 * number plates, house and room numbers, and the citizen's own name. What stays is what the public needs to follow
 * the matter: the street, the problem, the answer.
 */
public final class PublicText {

  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
  private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})-?\\d{3,4}(\\d{4})(?!\\d)");
  private static final Pattern ID_CARD = Pattern.compile("(?<![\\dXx])(\\d{6})\\d{8}(\\d{3}[\\dXx])(?![\\dXx])");
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
  private static final Pattern PLATE = Pattern.compile(
      "([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z])[A-Z0-9]{5,6}");
  /** House, building, unit and room numbers: "200号", "3栋2单元501室"; not "2号线" (a metro line) or "200米". */
  private static final Pattern HOUSE = Pattern.compile("\\d+(?=(号楼|号院|栋|幢|单元|室|户|号(?!线)))");

  private PublicText() {
  }

  public static String mask(String text, String citizenName) {
    if (text == null) {
      return null;
    }
    String s = ID_CARD.matcher(text).replaceAll("$1********$2");
    s = MOBILE.matcher(s).replaceAll("$1****$2");
    s = LANDLINE.matcher(s).replaceAll("$1-****$2");
    s = EMAIL.matcher(s).replaceAll("$1***@$2");
    s = PLATE.matcher(s).replaceAll("$1*****");
    Matcher house = HOUSE.matcher(s);
    s = house.replaceAll(m -> "*".repeat(Math.min(3, m.group().length())));
    if (citizenName != null && citizenName.strip().length() >= 2) {
      String name = citizenName.strip();
      s = s.replace(name, name.charAt(0) + "*".repeat(name.length() - 1));
    }
    return s;
  }
}
