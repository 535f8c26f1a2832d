package dev.kubegenerate.diff;

import dev.kubegenerate.model.ManifestPath;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes a path the way git writes it in diff headers, so {@code git apply} reads it back. */
public final class GitPath {

  private GitPath() {}

  /**
   * {@code prefix + path}, C-quoted when it holds a quote, backslash, control character or
   * non-ASCII byte, as git does with its default {@code core.quotePath}.
   */
  public static String quoted(String prefix, ManifestPath path) {
    String name = prefix + path.value();
    if (!needsQuotes(name)) {
      return name;
    }
    StringBuilder b = new StringBuilder("\"");
    for (byte raw : name.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case 0x0b -> b.append("\\v");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            b.append('\\').append(String.format(Locale.ROOT, "%03o", c));
          } else {
            b.append((char) c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * The tab git appends to a {@code ---}/{@code +++} name holding a space, so that a reader does
   * not take the rest of the line for a timestamp.
   */
  public static String headerSuffix(ManifestPath path) {
    return path.value().indexOf(' ') >= 0 ? "\t" : "";
  }

  private static boolean needsQuotes(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f) {
        return true;
      }
    }
    return false;
  }
}
