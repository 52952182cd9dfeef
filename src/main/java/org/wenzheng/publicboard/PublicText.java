package org.wenzheng.publicboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * Personal data out of text shown to the public (the board, Open311): phone numbers, ID numbers, bank card numbers,
 * e-mail addresses, number plates, house and room numbers, the citizen's own name and the names of people the text
 * names. What stays is what the public needs to follow the matter: the street, the problem, the answer.
 *
 * <p>The rules, in order (each tested with a table of cases in {@code PublicTextTest}):
 * <ol>
 *   <li>Full-width digits, letters and signs (１３８, ＋８６, Ａ) are read as their ASCII forms first, so that no
 *   rule is escaped by writing in full width.</li>
 *   <li>Runs of digits, in groups of three or more separated by single spaces or hyphens (138 1234 5678,
 *   138-1234-5678, +86 138…, 510104 19900101 123X), are masked by what they are: a mobile number keeps its first three
 *   and last four digits, a landline its area code and last four, an ID number (18 or 15 digits) its first six and
 *   last four (three), a bank card (16 to 19 digits) its last four; any other run of seven or more digits keeps only
 *   its last four. Dates (2026-11-30) and times are not runs of groups of three.</li>
 *   <li>E-mail addresses keep their first character and domain.</li>
 *   <li>Number plates (川A·12345, 川a 12345, 粤B12345D) keep the province and the letter.</li>
 *   <li>House, building, unit and room numbers ("200号", "3栋2单元501室"; not "2号线" or "200米").</li>
 *   <li>The citizen's own name, and a name that follows a word that introduces a person (邻居王建国, 联系人：张伟,
 *   名叫李小红, 经理刘强): the surname stays, the given name becomes *.</li>
 * </ol>
 */
@NamedInterface("masking")
public final class PublicText {

  private static final Pattern DIGIT_RUN = Pattern.compile(
      "(?<![\\dA-Za-z])(\\+?86[ -]?)?(\\d{3,}(?:[ -]\\d{3,})*[Xx]?)(?![\\dA-Za-z])");
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
  private static final Pattern PLATE = Pattern.compile(
      "([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])\\s?([A-Za-z])\\s?[·•.\\-]?\\s?[A-Za-z0-9]{5,6}"
          + "(?![A-Za-z0-9])");
  /** House, building, unit and room numbers: "200号", "3栋2单元501室"; not "2号线" (a metro line) or "200米". */
  private static final Pattern HOUSE = Pattern.compile("\\d+(?=(号楼|号院|栋|幢|单元|室|户|号(?!线)))");
  /** Words after which a person's name usually follows. */
  private static final String INTRODUCERS = "邻居|业主|房东|租户|联系人|姓名|名叫|叫做|经理|老板|店主|负责人|司机|保安|物业的|工作人员";
  /** The most common Chinese surnames (together about nine in ten people). */
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
      + "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  /** A surname, not followed by a form of address (王先生 names nobody), then one or two characters. */
  private static final Pattern INTRODUCED_NAME = Pattern.compile(
      "(?<=(?:" + INTRODUCERS + ")[:：]?\\s?)([" + SURNAMES + "])"
          + "(?!先生|女士|小姐|师傅|阿姨|大爷|大妈|老师|同志|某|总|家|们)([\\u4e00-\\u9fa5]{1,2})");

  private PublicText() {
  }

  public static String mask(String text, String citizenName) {
    if (text == null) {
      return null;
    }
    String s = halfWidth(text);
    s = DIGIT_RUN.matcher(s).replaceAll(m -> Matcher.quoteReplacement(digits(m.group(1), m.group(2))));
    s = EMAIL.matcher(s).replaceAll("$1***@$2");
    s = PLATE.matcher(s).replaceAll(m -> m.group(1) + m.group(2).toUpperCase() + "*****");
    s = HOUSE.matcher(s).replaceAll(m -> "*".repeat(Math.min(3, m.group().length())));
    if (citizenName != null && citizenName.strip().length() >= 2) {
      String name = halfWidth(citizenName.strip());
      s = s.replace(name, name.charAt(0) + "*".repeat(name.length() - 1));
    }
    s = INTRODUCED_NAME.matcher(s).replaceAll(m -> m.group(1) + "*".repeat(m.group(2).length()));
    return s;
  }

  /** A run of digits masked by what it is (see the class comment). */
  private static String digits(String countryPrefix, String run) {
    String d = run.replaceAll("[ -]", "");
    boolean checkLetter = d.endsWith("X") || d.endsWith("x");
    String n = checkLetter ? d.substring(0, d.length() - 1) : d;
    if (!checkLetter && n.length() == 11 && n.matches("1[3-9]\\d{9}")) {
      return n.substring(0, 3) + "****" + n.substring(7);
    }
    if (countryPrefix != null && !checkLetter && n.length() == 11) {
      return "****" + n.substring(7);
    }
    if ((n.length() == 17 && checkLetter) || (n.length() == 18 && n.matches("\\d{17}[\\dXx]"))) {
      return d.substring(0, 6) + "********" + d.substring(d.length() - 4);
    }
    if (n.length() == 15 && !checkLetter && !n.startsWith("0")) {
      return d.substring(0, 6) + "******" + d.substring(12);
    }
    if (n.length() >= 16 && n.length() <= 19 && !checkLetter) {
      return "************" + n.substring(n.length() - 4);
    }
    if (n.startsWith("0") && (n.length() == 10 || n.length() == 11 || n.length() == 12) && !checkLetter) {
      int area = n.startsWith("01") || n.startsWith("02") ? 3 : 4;
      return n.substring(0, area) + "-****" + n.substring(n.length() - 4);
    }
    if (d.length() >= 7) {
      return "****" + d.substring(d.length() - 4);
    }
    return (countryPrefix == null ? "" : countryPrefix) + run;
  }

  /** Full-width ASCII (U+FF01 to U+FF5E) and the ideographic space read as ASCII. */
  private static String halfWidth(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E' && !isChinesePunctuation(c)) {
        out.append((char) (c - 0xFEE0));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Full-width punctuation that Chinese text uses as such (，：；！？（）) stays as written. */
  private static boolean isChinesePunctuation(char c) {
    return CHINESE_PUNCTUATION.indexOf(c) >= 0;
  }

  private static final String CHINESE_PUNCTUATION = "，：；！？（）";
}
