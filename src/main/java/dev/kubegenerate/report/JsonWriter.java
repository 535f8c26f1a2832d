package dev.kubegenerate.report;

import dev.kubegenerate.fast.JsonString;

/**
 * Pretty-printed JSON as Jackson's DefaultPrettyPrinter with a two-space indenter writes it: one
 * member per line, {@code "key": value}, {@code []} and {@code {}} when empty.
 */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder(4096);
  private int depth;

  /** Whether the innermost open object or array has no member yet. */
  private boolean empty;

  void open(char bracket) {
    out.append(bracket);
    depth++;
    empty = true;
  }

  void close(char bracket) {
    depth--;
    if (!empty) {
      newline();
    }
    out.append(bracket);
    empty = false;
  }

  /** Starts a member of an object; its value follows. */
  JsonWriter field(String name) {
    item();
    string(name);
    out.append(": ");
    return this;
  }

  /** Starts an element of an array (or a member of an object). */
  JsonWriter item() {
    if (!empty) {
      out.append(',');
    }
    newline();
    empty = false;
    return this;
  }

  void bool(boolean value) {
    out.append(value);
  }

  void number(long value) {
    out.append(value);
  }

  /** A quoted string, escaped as Jackson does by default. */
  void string(String s) {
    JsonString.quote(s, out);
  }

  /** Any JSON-like value: maps, lists, strings, numbers, booleans and null. */
  void value(Object v) {
    if (v instanceof java.util.Map<?, ?> map) {
      open('{');
      map.forEach((k, x) -> field(String.valueOf(k)).value(x));
      close('}');
    } else if (v instanceof java.util.List<?> list) {
      open('[');
      list.forEach(x -> item().value(x));
      close(']');
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Boolean
        || v instanceof Long
        || v instanceof Integer
        || v instanceof java.math.BigInteger
        || v instanceof Double d && Double.isFinite(d)) {
      out.append(v);
    } else {
      out.append("null");
    }
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  String text() {
    return out.toString();
  }
}
