package dev.kubegenerate.fast;

import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The JSON literals a rendered text holds as whole values, parsed without the YAML scanner.
 *
 * <p>Bodies print objects with the {@code json} filter ({@code template: {{ podTemplate | json
 * }}}), so most of a Deployment's text is one long flow mapping, and snakeyaml scans flow
 * collections character by character with its simple-key bookkeeping: the pod template was three
 * quarters of the time to read a Deployment. A line that ends in a JSON object or array after
 * {@code key: } or {@code - } has it replaced by a placeholder, and the JSON is parsed here; the
 * reader puts the value where it meets the placeholder.
 *
 * <p>The value must be exactly what YAML would read, so this takes only what it can vouch for:
 * scalars go through the reader's own YAML 1.2 resolution, strings only with characters YAML reads
 * as they are, keys only once per object and short enough to be implicit keys, no tabs, no nesting
 * past the reader's depth limit. Anything else stays in the text. The reader checks that each
 * placeholder it met was a whole plain value (not a key, not inside a string, block scalar or
 * comment) and that it met every one exactly once; otherwise the original text is read instead.
 */
final class InlineJson {

  /** Shorter literals cost less to scan than to extract. */
  private static final int MIN_CHARS = 48;

  /** YAML refuses implicit keys longer than this (flow mappings' keys are implicit). */
  private static final int MAX_KEY_CHARS = 1024;

  /**
   * The placeholders' common start: a plain YAML string no rendered text can hold by chance, and no
   * pull request can guess (it changes with every process).
   */
  static final String PREFIX =
      "kgjson" + Long.toHexString(new SplittableRandom().nextLong() | Long.MIN_VALUE) + "n";

  private InlineJson() {}

  /**
   * A text with placeholders, and the value of each, by number.
   *
   * @param values the values, in the order of their placeholders ({@code PREFIX + index})
   * @param depths how deep each value nests (1 for a flat object or array)
   */
  record Extracted(String text, List<Object> values, List<Integer> depths) {}

  /** Thrown where the JSON is not one this class can vouch for. */
  static final class NotJson extends RuntimeException {
    NotJson() {
      super(null, null, false, false);
    }
  }

  /**
   * The text with its inline JSON values replaced, or empty when it holds none worth replacing.
   *
   * @param plainScalar what the YAML reader makes of a plain scalar (numbers, booleans, null)
   */
  static Optional<Extracted> extract(String text, Function<String, Object> plainScalar) {
    if (text.indexOf('\r') >= 0 || text.contains(PREFIX)) {
      return Optional.empty();
    }
    StringBuilder out = null;
    List<Object> values = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    int copied = 0;
    // only lines with a brace or bracket are looked at; String.indexOf finds them fast
    int curly = text.indexOf('{');
    int square = text.indexOf('[');
    while (curly >= 0 || square >= 0) {
      int open = curly < 0 ? square : square < 0 ? curly : Math.min(curly, square);
      int lineStart = text.lastIndexOf('\n', open) + 1;
      int lineEnd = text.indexOf('\n', open);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int start = jsonStart(text, lineStart, lineEnd);
      if (start >= 0 && lineEnd - start >= MIN_CHARS) {
        Parser parser = new Parser(text, start, lineEnd, plainScalar);
        try {
          Object value = parser.value(1);
          parser.spaces();
          if (parser.pos == lineEnd) {
            if (out == null) {
              out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(PREFIX).append(values.size());
            copied = lineEnd;
            values.add(value);
            depths.add(parser.maxDepth);
          }
        } catch (NotJson e) {
          // left to the YAML reader
        }
      }
      if (curly >= 0 && curly <= lineEnd) {
        curly = text.indexOf('{', lineEnd);
      }
      if (square >= 0 && square <= lineEnd) {
        square = text.indexOf('[', lineEnd);
      }
    }
    if (out == null) {
      return Optional.empty();
    }
    out.append(text, copied, text.length());
    return Optional.of(new Extracted(out.toString(), values, depths));
  }

  /**
   * Where a JSON object or array may start on the line: after {@code key: }, or after the line's
   * indentation and sequence dashes; -1 for none.
   */
  private static int jsonStart(String text, int from, int to) {
    int i = from;
    while (i < to && (text.charAt(i) == ' ' || dash(text, i, to))) {
      i += text.charAt(i) == '-' ? 2 : 1;
    }
    if (i < to && (text.charAt(i) == '{' || text.charAt(i) == '[')) {
      return i;
    }
    // a mapping value: the first ": {" or ": [" (a key holding one is read by YAML, and the
    // placeholder is then not a whole value, so the reader falls back)
    for (int j = i; j + 2 < to; j++) {
      char c = text.charAt(j + 2);
      if (text.charAt(j) == ':' && text.charAt(j + 1) == ' ' && (c == '{' || c == '[')) {
        return j + 2;
      }
      if (text.charAt(j) == '#' || text.charAt(j) == '"' || text.charAt(j) == '\'') {
        return -1; // a comment or a quoted key: not worth reasoning about
      }
    }
    return -1;
  }

  private static boolean dash(String text, int i, int to) {
    return text.charAt(i) == '-' && i + 1 < to && text.charAt(i + 1) == ' ';
  }

  /** A strict JSON reader over one line; {@link NotJson} where it cannot vouch for the text. */
  static final class Parser {
    private final String text;
    private final int end;
    private final Function<String, Object> plainScalar;
    int pos;
    int maxDepth;

    Parser(String text, int start, int end, Function<String, Object> plainScalar) {
      this.text = text;
      this.pos = start;
      this.end = end;
      this.plainScalar = plainScalar;
    }

    Object value(int depth) {
      if (pos >= end) {
        throw new NotJson();
      }
      char c = text.charAt(pos);
      if (c == '{') {
        return object(depth);
      }
      if (c == '[') {
        return array(depth);
      }
      if (c == '"') {
        return string();
      }
      return scalar();
    }

    private Map<Object, Object> object(int depth) {
      enter(depth);
      pos++;
      Map<Object, Object> map = new LinkedHashMap<>();
      spaces();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        spaces();
        if (peek() != '"') {
          throw new NotJson();
        }
        int keyStart = pos;
        String key = string();
        if (pos - keyStart > MAX_KEY_CHARS || map.containsKey(key)) {
          throw new NotJson();
        }
        spaces();
        expect(':');
        spaces();
        map.put(key, value(depth + 1));
        spaces();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array(int depth) {
      enter(depth);
      pos++;
      List<Object> list = new ArrayList<>();
      spaces();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        spaces();
        list.add(value(depth + 1));
        spaces();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private void enter(int depth) {
      if (depth >= YamlNodes.MAX_DEPTH) {
        throw new NotJson();
      }
      maxDepth = Math.max(maxDepth, depth);
    }

    /** A JSON string, holding only characters that a YAML double-quoted scalar reads as such. */
    private String string() {
      pos++;
      StringBuilder out = null;
      int runStart = pos;
      while (true) {
        if (pos >= end) {
          throw new NotJson();
        }
        char c = text.charAt(pos);
        if (c == '"') {
          String s =
              out == null
                  ? text.substring(runStart, pos)
                  : out.append(text, runStart, pos).toString();
          pos++;
          return s;
        }
        if (c == '\\') {
          if (out == null) {
            out = new StringBuilder();
          }
          out.append(text, runStart, pos).append(escape());
          runStart = pos;
        } else if (readsAsIs(c)) {
          pos++;
        } else if (Character.isHighSurrogate(c)
            && pos + 1 < end
            && Character.isLowSurrogate(text.charAt(pos + 1))) {
          pos += 2;
        } else {
          throw new NotJson();
        }
      }
    }

    /** Printable for YAML, and never a line break or byte order mark to any YAML reader. */
    private static boolean readsAsIs(char c) {
      return (c >= 0x20 && c <= 0x7E)
          || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
          || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    /** The character of an escape JSON and YAML both read alike; anything rarer stays YAML's. */
    private char escape() {
      if (pos + 1 >= end) {
        throw new NotJson();
      }
      char e = text.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case '"':
          return '"';
        case '\\':
          return '\\';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'u':
          if (pos + 4 > end) {
            throw new NotJson();
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
              throw new NotJson();
            }
            code = code * 16 + digit;
          }
          pos += 4;
          // what the json filter escapes: control characters
          if (code >= 0x20) {
            throw new NotJson();
          }
          return (char) code;
        default:
          throw new NotJson();
      }
    }

    /** A number, true, false or null, as the YAML reader resolves the same plain scalar. */
    private Object scalar() {
      int start = pos;
      if (text.startsWith("true", pos)) {
        pos += 4;
      } else if (text.startsWith("false", pos)) {
        pos += 5;
      } else if (text.startsWith("null", pos)) {
        pos += 4;
      } else {
        number();
      }
      return plainScalar.apply(text.substring(start, pos));
    }

    /** JSON's number grammar. */
    private void number() {
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
      } else {
        digits();
      }
      if (peek() == '.') {
        pos++;
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        digits();
      }
    }

    private void digits() {
      int start = pos;
      while (pos < end && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start) {
        throw new NotJson();
      }
    }

    void spaces() {
      while (pos < end && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private char peek() {
      return pos < end ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new NotJson();
      }
      pos++;
    }
  }
}
