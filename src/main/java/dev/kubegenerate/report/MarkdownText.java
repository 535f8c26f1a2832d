package dev.kubegenerate.report;

/**
 * Puts untrusted text (file names, messages, diffs) into markdown so that it shows as written and
 * can neither change the page's structure nor reach GitHub's HTML.
 */
final class MarkdownText {

  // the characters that can start markdown syntax inside a line; the rest show as they are
  private static final String PUNCTUATION = "\\`*_{}[]()<>#+!|~&@";

  private MarkdownText() {}

  /** Inline text: markdown's special characters backslash-escaped, control characters shown. */
  static String inline(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    visible(s)
        .codePoints()
        .forEach(
            c -> {
              if (c < 128 && PUNCTUATION.indexOf(c) >= 0) {
                b.append('\\');
              }
              b.appendCodePoint(c);
            });
    return b.toString();
  }

  /** Text inside raw HTML such as {@code <summary>}: entities for HTML's special characters. */
  static String html(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    visible(s)
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                // an @name in a comment would notify that user or team
                case '@' -> b.append("&#64;");
                default -> b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /** A fenced code block that no backtick run inside {@code body} can close early. */
  static String fence(String info, String body) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < body.length(); i++) {
      run = body.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    String text = body.endsWith("\n") ? body : body + "\n";
    return fence + info + "\n" + text + fence + "\n";
  }

  // line breaks and other control characters would end a table row or a heading
  private static String visible(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
    return b.toString();
  }
}
