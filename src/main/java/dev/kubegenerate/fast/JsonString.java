package dev.kubegenerate.fast;

/**
 * JSON string literals written without Jackson, for the paths that run on every check (the JSON
 * report, the {@code json} filter of templates) and must not pay for loading it.
 */
public final class JsonString {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonString() {}

  /**
   * Appends {@code s} quoted, escaped as Jackson does by default (quote, backslash, control
   * characters), so output stays byte-for-byte what Jackson wrote before.
   */
  public static void quote(String s, StringBuilder out) {
    out.append('"');
    // plain runs are copied whole: most strings need no escape at all
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(s, run, s.length()).append('"');
  }
}
