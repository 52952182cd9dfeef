package org.wenzheng.config;

/**
 * Text that a Camunda form shows in a text field ({@code {{content}}}) is rendered as Markdown: a citizen's
 * {@code [请点击这里核实](http://…)}, {@code ![](http://…)} or {@code # 紧急通知} would appear on a handler's form as a
 * link, an image fetched from elsewhere or a heading that looks like an instruction. Escaping every character that
 * Markdown (CommonMark, which form-js uses) or HTML gives a meaning to makes it show exactly as written; line breaks
 * stay line breaks.
 */
final class PlainText {

  /** ASCII punctuation: CommonMark lets a backslash escape any of it, and only it. */
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private PlainText() {
  }

  static String forMarkdown(String text) {
    if (text == null) {
      return null;
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int l = 0; l < lines.length; l++) {
      String line = lines[l];
      int i = 0;
      // Leading blanks would make an indented code block: keep them as non-breaking spaces.
      for (; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
        out.append('\u00A0');
      }
      for (; i < line.length(); i++) {
        char c = line.charAt(i);
        if (PUNCTUATION.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
      if (l < lines.length - 1) {
        // Within a paragraph a backslash before the line end is a hard line break; a blank line stays a paragraph.
        boolean paragraphEnds = line.isBlank() || lines[l + 1].isBlank();
        out.append(paragraphEnds ? "\n" : "\\\n");
      }
    }
    return out.toString();
  }
}
