package dev.kubegenerate.render;

import dev.kubegenerate.fast.JsonLiteral;
import java.util.List;
import java.util.Map;

/**
 * Writes kube-generate.yaml text as a person would (a proposed config, a suggested patch): block
 * mappings for its structure, and a value that fits on its line in flow style ({@code resources:
 * {requests: {cpu: 100m}}}), so the config stays short. Every string is quoted when a YAML 1.1 or
 * 1.2 reader could read it as something else.
 */
public final class ConfigWriter {

  /** Lines longer than this are written as blocks instead. */
  public static final int WIDTH = 100;

  private final StringBuilder out = new StringBuilder();

  /** The text. */
  public String text() {
    return out.toString();
  }

  /** A comment line at {@code indent}. */
  public ConfigWriter comment(int indent, String text) {
    out.append(" ".repeat(indent)).append("# ").append(text).append('\n');
    return this;
  }

  /** {@code key: value} at {@code indent}, the value in flow style when it fits. */
  public ConfigWriter entry(int indent, String key, Object value) {
    String prefix = " ".repeat(indent) + key(key) + ":";
    if (value instanceof String s && flow(s) == null) {
      out.append(prefix).append(' ').append(multiLine(s, indent + 2)).append('\n');
      return this;
    }
    String flow = flow(value);
    if (flow != null && prefix.length() + 1 + flow.length() <= WIDTH) {
      out.append(prefix).append(' ').append(flow).append('\n');
      return this;
    }
    out.append(prefix).append('\n');
    block(indent + 2, value);
    return this;
  }

  /** {@code key:} alone, opening a block at {@code indent}. */
  public ConfigWriter key(int indent, String key) {
    out.append(" ".repeat(indent)).append(key(key)).append(":\n");
    return this;
  }

  /** A list item {@code - key:} opening a mapping at {@code indent}. */
  public ConfigWriter item(int indent, String key) {
    out.append(" ".repeat(indent)).append("- ").append(key(key)).append(":\n");
    return this;
  }

  private void block(int indent, Object value) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entry(indent, String.valueOf(e.getKey()), e.getValue());
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        String flow = flow(item);
        if (flow != null && indent + 2 + flow.length() <= WIDTH) {
          out.append(" ".repeat(indent)).append("- ").append(flow).append('\n');
        } else if (item instanceof Map<?, ?> map && !map.isEmpty()) {
          boolean first = true;
          for (Map.Entry<?, ?> e : map.entrySet()) {
            int at = out.length();
            entry(indent + 2, String.valueOf(e.getKey()), e.getValue());
            if (first) {
              out.replace(at, at + indent + 2, " ".repeat(indent) + "- ");
              first = false;
            }
          }
        } else if (item instanceof String text) {
          out.append(" ".repeat(indent)).append("- ").append(multiLine(text, indent + 2));
          out.append('\n');
        } else {
          out.append(" ".repeat(indent)).append("-\n");
          block(indent + 2, item);
        }
      }
    } else {
      out.append(" ".repeat(indent)).append(flow(value)).append('\n');
    }
  }

  /**
   * A string of several lines as a literal block ({@code |}) when YAML holds it exactly that way,
   * else on one line, double-quoted with escapes.
   */
  private static String multiLine(String s, int indent) {
    boolean literal =
        !s.startsWith(" ")
            && !s.startsWith("\n")
            && !s.contains("\r")
            && !s.contains(" \n")
            && !s.contains("\t")
            && s.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c != 0x7F));
    if (!literal) {
      return JsonLiteral.canonical(s);
    }
    return CanonicalWriter.literalBlock(s, indent);
  }

  /** The value on one line in flow style, or null when it spans lines (a multi-line string). */
  public static String flow(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        return null;
      }
      return plainInFlow(s) ? s : JsonLiteral.canonical(s);
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String v = flow(e.getValue());
        if (v == null) {
          return null;
        }
        b.append(b.length() > 1 ? ", " : "").append(key(String.valueOf(e.getKey()))).append(": ");
        b.append(v);
      }
      return b.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (Object item : list) {
        String v = flow(item);
        if (v == null) {
          return null;
        }
        b.append(b.length() > 1 ? ", " : "").append(v);
      }
      return b.append(']').toString();
    }
    return String.valueOf(value);
  }

  /**
   * The value on one line as YAML reads it back: flow style, a string of several lines as a JSON
   * string.
   */
  public static String oneLine(Object value) {
    if (value instanceof String s && flow(s) == null) {
      return JsonLiteral.canonical(s);
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      map.forEach(
          (k, v) ->
              b.append(b.length() > 1 ? ", " : "")
                  .append(oneLine(String.valueOf(k)))
                  .append(": ")
                  .append(oneLine(v)));
      return b.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      list.forEach(v -> b.append(b.length() > 1 ? ", " : "").append(oneLine(v)));
      return b.append(']').toString();
    }
    return flow(value);
  }

  private static String key(String key) {
    return plainInFlow(key) ? key : JsonLiteral.canonical(key);
  }

  /** Plain in both block and flow context, and read back as this string by YAML 1.1 and 1.2. */
  private static boolean plainInFlow(String s) {
    if (!CanonicalYaml.isPlainString(s)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (",[]{}".indexOf(s.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }
}
