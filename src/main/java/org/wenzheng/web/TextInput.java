package org.wenzheng.web;

import org.springframework.modulith.NamedInterface;

/** Text as a person writes it: what no person types (control characters, broken encodings) is refused, not cleaned. */
@NamedInterface("problems")
public final class TextInput {

  private TextInput() {
  }

  /** An optional field as people fill it in: nothing or only spaces is "not given" (null); otherwise it, stripped. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Why this text cannot be taken as a person wrote it, or null if it can. */
  public static String problem(String s) {
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return "含有不允许的控制字符 (control character U+" + String.format("%04X", (int) c) + ")";
      }
      if (c == '\uFFFD') {
        return "含有无法识别的字符，可能是编码错误 (replacement character)";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "含有无效的字符编码 (unpaired surrogate)";
      }
      if (Character.isLowSurrogate(c)) {
        return "含有无效的字符编码 (unpaired surrogate)";
      }
    }
    return null;
  }
}
