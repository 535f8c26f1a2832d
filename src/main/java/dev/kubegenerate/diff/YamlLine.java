package dev.kubegenerate.diff;

/**
 * One line of YAML (or pretty-printed JSON) read only as far as its layout goes: indentation,
 * sequence dashes and a leading {@code key:}. Works on any text, valid YAML or not.
 *
 * @param body the line without its terminator
 * @param indent columns of leading spaces and tabs
 * @param keyColumn where the key starts, after any {@code - } dashes; -1 when there is no key
 * @param key the key without quotes, or {@code ""} when there is none
 * @param valueStart where the value starts (after the colon and its spaces), -1 without a key
 * @param dashed whether the line starts a sequence item ({@code - key: value})
 * @param content where the content starts, after the indentation and any dashes
 */
record YamlLine(
    String body,
    int indent,
    int keyColumn,
    String key,
    int valueStart,
    boolean dashed,
    int content) {

  /** Reads the layout of one line. */
  static YamlLine of(String body) {
    int indent = 0;
    while (indent < body.length() && (body.charAt(indent) == ' ' || body.charAt(indent) == '\t')) {
      indent++;
    }
    int column = indent;
    boolean dashed = false;
    while (column < body.length() && body.charAt(column) == '-' && isBlankAt(body, column + 1)) {
      dashed = true;
      column++;
      while (column < body.length()
          && (body.charAt(column) == ' ' || body.charAt(column) == '\t')) {
        column++;
      }
    }
    int colon = keyEnd(body, column);
    if (colon < 0) {
      return new YamlLine(body, indent, -1, "", -1, dashed, column);
    }
    String key = unquote(body.substring(column, colon).strip());
    int valueStart = colon + 1;
    while (valueStart < body.length()
        && (body.charAt(valueStart) == ' ' || body.charAt(valueStart) == '\t')) {
      valueStart++;
    }
    return new YamlLine(body, indent, column, key, valueStart, dashed, column);
  }

  /** Only spaces and tabs. */
  boolean blank() {
    return indent == body.length();
  }

  /** A comment line. */
  boolean comment() {
    return !blank() && body.charAt(indent) == '#';
  }

  /** A document start or end marker, {@code ---} or {@code ...}. */
  boolean documentMarker() {
    return (body.startsWith("---") || body.startsWith("...")) && isBlankAt(body, 3);
  }

  /** Whether the line has a {@code key:}. */
  boolean hasKey() {
    return keyColumn >= 0;
  }

  /** The value after the colon, as written (may be empty). */
  String value() {
    return hasKey() ? body.substring(valueStart) : "";
  }

  /** The index of the key's colon, or -1 when the text at {@code start} is no {@code key:}. */
  private static int keyEnd(String body, int start) {
    if (start >= body.length()) {
      return -1;
    }
    char first = body.charAt(start);
    int i = start;
    if (first == '"' || first == '\'') {
      i = closingQuote(body, start);
      if (i < 0) {
        return -1;
      }
      i++;
      while (i < body.length() && body.charAt(i) == ' ') {
        i++;
      }
      // JSON writes "key":value with no space after the colon, so do not demand one here
      return i < body.length() && body.charAt(i) == ':' ? i : -1;
    }
    if ("#{}[]?,&*!|>%@`".indexOf(first) >= 0) {
      return -1;
    }
    for (; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '#' && (body.charAt(i - 1) == ' ' || body.charAt(i - 1) == '\t')) {
        return -1;
      }
      if (c == ':' && isBlankAt(body, i + 1)) {
        return i;
      }
    }
    return -1;
  }

  private static int closingQuote(String body, int open) {
    char quote = body.charAt(open);
    for (int i = open + 1; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private static String unquote(String key) {
    if (key.length() >= 2
        && (key.charAt(0) == '"' || key.charAt(0) == '\'')
        && key.charAt(key.length() - 1) == key.charAt(0)) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }

  private static boolean isBlankAt(String body, int index) {
    return index >= body.length() || body.charAt(index) == ' ' || body.charAt(index) == '\t';
  }
}
