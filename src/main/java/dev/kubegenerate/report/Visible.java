package dev.kubegenerate.report;

import java.util.Locale;

/**
 * Makes untrusted text safe and visible on a terminal: control characters become caret notation
 * ({@code ^[}, {@code ^M}), so a manifest cannot move the cursor or recolour the screen, and a CRLF
 * line ending or a byte-order mark shows instead of looking like an unchanged line.
 */
final class Visible {

  private Visible() {}

  /** The text with every control character but tab written visibly; {@code \n} only if kept. */
  static String of(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        b.append(c);
      } else if (c < 0x20) {
        b.append('^').append((char) (c + 64));
      } else if (c == 0x7f) {
        b.append("^?");
      } else if (c == '\uFEFF') {
        b.append("<BOM>");
      } else if (c >= 0x80 && c < 0xa0 || c == '\u2028' || c == '\u2029') {
        b.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
