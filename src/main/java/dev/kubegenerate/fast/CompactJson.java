package dev.kubegenerate.fast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of the bundled API data, and of the built-in templates' YAML as the build writes
 * it, into maps, lists, strings, numbers and booleans.
 *
 * <p>The data is trusted and written by our own tool; a parser this small starts in no time, while
 * Jackson's {@code ObjectMapper} costs a few hundred milliseconds of class loading. {@code
 * CompactJsonTest} holds it to Jackson's reading of any JSON Jackson writes.
 */
public final class CompactJson {

  private final String text;
  private final boolean yamlNumbers;
  private int at;

  private CompactJson(String text, boolean yamlNumbers) {
    this.text = text;
    this.yamlNumbers = yamlNumbers;
  }

  /** The value of {@code text}. */
  public static Object parse(String text) {
    return parse(text, false);
  }

  /**
   * The value of {@code text}, with whole numbers typed as snakeyaml's core schema types them
   * ({@code Integer}, else {@code Long}, else {@code BigInteger}): for JSON written from YAML.
   */
  public static Object parseAsYaml(String text) {
    return parse(text, true);
  }

  private static Object parse(String text, boolean yamlNumbers) {
    CompactJson p = new CompactJson(text, yamlNumbers);
    Object value = p.value();
    if (p.skipSpace() < text.length()) {
      throw p.error("trailing text");
    }
    return value;
  }

  private Object value() {
    char c = text.charAt(skipSpace());
    switch (c) {
      case '{' -> {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        if (text.charAt(skipSpace()) == '}') {
          at++;
          return map;
        }
        do {
          skipSpace();
          String key = string();
          expect(':');
          map.put(key, value());
        } while (next(','));
        expect('}');
        return map;
      }
      case '[' -> {
        List<Object> list = new ArrayList<>();
        at++;
        if (text.charAt(skipSpace()) == ']') {
          at++;
          return list;
        }
        do {
          list.add(value());
        } while (next(','));
        expect(']');
        return list;
      }
      case '"' -> {
        return string();
      }
      default -> {
        return literal();
      }
    }
  }

  private Object literal() {
    int start = at;
    while (at < text.length() && ",}] \n\t\r".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    String word = text.substring(start, at);
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default ->
          word.contains(".") || word.contains("e") || word.contains("E")
              ? (Object) Double.parseDouble(word)
              : yamlNumbers ? yamlInteger(word) : (Object) Long.parseLong(word);
    };
  }

  private static Object yamlInteger(String word) {
    if (word.length() < 10) {
      return Integer.parseInt(word);
    }
    java.math.BigInteger value = new java.math.BigInteger(word);
    if (value.bitLength() < Integer.SIZE) {
      return value.intValue();
    }
    return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
  }

  private String string() {
    if (text.charAt(at) != '"') {
      throw error("expected a string");
    }
    StringBuilder b = new StringBuilder();
    at++;
    while (true) {
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = text.charAt(at++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> b.append(e);
      }
    }
  }

  private boolean next(char c) {
    if (text.charAt(skipSpace()) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!next(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private int skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at;
  }

  private IllegalStateException error(String what) {
    return new IllegalStateException("bundled data: " + what + " at offset " + at);
  }
}
