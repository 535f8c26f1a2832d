package dev.kubegenerate.render;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes parsed YAML values (maps, lists, strings, numbers, booleans, null) in kube-generate's
 * canonical block style. A direct writer, because a general-purpose emitter spends most of a render
 * analysing styles this form never uses; {@code CanonicalWriterTest} holds it to snakeyaml's output
 * for the same settings.
 */
final class CanonicalWriter {

  /** Strings YAML 1.1 or 1.2 would read as another type: always double-quoted. */
  static final Pattern NOT_A_STRING =
      Pattern.compile(
          "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
              + "|~|null|Null|NULL|=|<<"
              + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?0o[0-7]+"
              + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
              + "|[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?[0-9]+[eE][-+]?[0-9]+|[-+]?[0-9][0-9_]*\\.?[0-9]*[eE][-+]?[0-9]+"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
              + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?");

  /** Every string {@link #NOT_A_STRING} matches starts with one of these. */
  private static final String SPECIAL_FIRST = "yYnNtTfFoO~=<-+.0123456789";

  private final StringBuilder out = new StringBuilder(2048);

  private CanonicalWriter() {}

  /** One document, ending with a newline. */
  static String document(Object value) {
    CanonicalWriter w = new CanonicalWriter();
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      w.mapping(map, 0, false);
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      w.sequence(list, 0, false);
    } else {
      w.out.append(w.scalarOrEmpty(value, 0)).append('\n');
    }
    return w.out.toString();
  }

  private void mapping(Map<?, ?> map, int indent, boolean inlineFirst) {
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(first && inlineFirst)) {
        pad(indent);
      }
      first = false;
      out.append(key(e.getKey())).append(':');
      value(e.getValue(), indent);
    }
  }

  private void sequence(List<?> list, int indent, boolean inlineFirst) {
    boolean first = true;
    for (Object item : list) {
      if (!(first && inlineFirst)) {
        pad(indent);
      }
      first = false;
      out.append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        mapping(m, indent + 2, true);
      } else if (item instanceof List<?> l && !l.isEmpty()) {
        sequence(l, indent + 2, true);
      } else {
        out.append(scalarOrEmpty(item, indent + 2)).append('\n');
      }
    }
  }

  /** The value after {@code key:}, nested collections on the following lines. */
  private void value(Object value, int indent) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      mapping(m, indent + 2, false);
    } else if (value instanceof List<?> l && !l.isEmpty()) {
      out.append('\n');
      sequence(l, indent + 2, false);
    } else {
      out.append(' ').append(scalarOrEmpty(value, indent + 2)).append('\n');
    }
  }

  private String scalarOrEmpty(Object value, int indent) {
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    return scalar(value, indent);
  }

  private static String key(Object key) {
    return key instanceof String s ? flowString(s) : scalar(key, 0);
  }

  private static String scalar(Object value, int indent) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return s.indexOf('\n') >= 0 ? literalOrQuoted(s, indent) : flowString(s);
    }
    if (value instanceof Double d) {
      return d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf") : d.toString();
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof BigInteger
        || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException(
        "cannot write a " + value.getClass().getSimpleName() + " as YAML");
  }

  /** A one-line string: plain when YAML reads it back as the same string, else quoted. */
  private static String flowString(String s) {
    if (readAsOtherType(s)) {
      return doubleQuoted(s);
    }
    if (isPlainSafe(s)) {
      return s;
    }
    return isPrintable(s) ? "'" + s.replace("'", "''") + "'" : doubleQuoted(s);
  }

  /**
   * {@link #NOT_A_STRING}, without running it for strings that cannot match: most keys and values
   * (names, images, paths) start with no character a special form starts with, and the word forms
   * are at most five letters long. The pattern was a tenth of a check's CPU samples (issue 6).
   */
  static boolean readAsOtherType(String s) {
    if (s.isEmpty() || SPECIAL_FIRST.indexOf(s.charAt(0)) < 0) {
      return false;
    }
    if (Character.isLetter(s.charAt(0)) && s.length() > 5) {
      return false;
    }
    return NOT_A_STRING.matcher(s).matches();
  }

  /**
   * Plain in block context: no indicator at the start, no {@code ": "} or {@code " #"}, no edge
   * spaces.
   */
  static boolean isPlainSafe(String s) {
    if (s.isEmpty() || !isPrintable(s)) {
      return false;
    }
    char c = s.charAt(0);
    if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
      return false;
    }
    if ((c == '-' || c == '?' || c == ':')
        && (s.length() == 1 || s.charAt(1) == ' ' || s.charAt(1) == '\t')) {
      return false;
    }
    if (s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (c == ' ' || c == '\t' || last == ' ' || last == '\t' || last == ':') {
      return false;
    }
    for (int i = 0; i < s.length() - 1; i++) {
      char a = s.charAt(i);
      char b = s.charAt(i + 1);
      if ((a == ':' && (b == ' ' || b == '\t')) || ((a == ' ' || a == '\t') && b == '#')) {
        return false;
      }
    }
    return true;
  }

  /** Multi-line text as a literal block when YAML can hold it exactly, else double-quoted. */
  private static String literalOrQuoted(String s, int indent) {
    boolean ok =
        isPrintable(s.replace("\n", ""))
            && !s.startsWith(" ")
            && !s.startsWith("\t")
            && !s.startsWith("\n")
            && !s.contains(" \n")
            && !s.contains("\t\n")
            && !s.contains("\r");
    if (!ok) {
      return doubleQuoted(s);
    }
    String chomp = s.endsWith("\n\n") ? "+" : s.endsWith("\n") ? "" : "-";
    StringBuilder b = new StringBuilder("|").append(chomp);
    String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    for (String line : body.split("\n", -1)) {
      b.append('\n');
      if (!line.isEmpty()) {
        b.append(" ".repeat(indent)).append(line);
      }
    }
    return b.toString();
  }

  private static boolean isPrintable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isPrintable(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** YAML's printable set, less the characters some readers treat as line breaks or a BOM. */
  private static boolean isPrintable(char c) {
    return c == '\t'
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
        || Character.isSurrogate(c);
  }

  private static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case '\0' -> b.append("\\0");
        default -> {
          if (!isPrintable(c)) {
            b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private void pad(int indent) {
    if (out.length() > CanonicalYaml.MAX_CHARS) {
      throw new CanonicalYaml.TooLarge();
    }
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }
}
