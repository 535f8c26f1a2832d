package dev.kubegenerate.fast;

import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the plain block YAML that bodies render, without snakeyaml's scanner: reading rendered text
 * was the largest share of a large check's time. It takes one document of block mappings and
 * sequences, one entry a line: {@code key: value}, {@code key:} with a nested block or nothing,
 * {@code - value} and {@code - key: value}, comment lines and blank lines. Keys are plain words
 * ({@code app.kubernetes.io/name}) or JSON strings; values are plain words ({@code apps/v1}, {@code
 * 3000}, {@code /healthz}, {@code 25%}, {@code ghcr.io/app:1.2}) or JSON literals, read by {@link
 * InlineJson.Parser}; both resolve through the reader's own YAML 1.2 core schema, as snakeyaml
 * resolves them.
 *
 * <p>Anything else - a tab, a document marker, a trailing comment, a quoted or multi-line scalar, a
 * block scalar, an anchor, a tag, a flow collection that is not JSON, a repeated key, an
 * indentation YAML would refuse or read another way, nesting near the depth limit - makes it answer
 * nothing, and the caller reads the text with snakeyaml, which is the reference for its meaning and
 * its errors. A property test holds both readers to the same values.
 */
final class PlainBlockYaml {

  /** YAML refuses implicit keys longer than 1024 characters; a little less, to be safe. */
  private static final int MAX_KEY_CHARS = 1000;

  private PlainBlockYaml() {}

  /** Where the text leaves what this reader vouches for. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * The one document of {@code text}, or empty when the text is not one this reader takes.
   *
   * @param plainScalar what the YAML reader makes of a plain scalar
   */
  static Optional<Object> read(String text, Function<String, Object> plainScalar) {
    try {
      return Optional.of(new Reader(text, plainScalar).document());
    } catch (Unsupported | InlineJson.NotJson e) {
      return Optional.empty();
    }
  }

  private static final class Reader {
    private final String text;
    private final Function<String, Object> plainScalar;

    /** Where the next line starts. */
    private int next;

    // the current content line: -1 indent when the text has no more
    private int indent = -1;
    private int content;
    private int end;
    private boolean dash;

    Reader(String text, Function<String, Object> plainScalar) {
      this.text = text;
      this.plainScalar = plainScalar;
      printable(text);
      advance();
    }

    /**
     * snakeyaml refuses a text with a character YAML does not print anywhere, comments included;
     * this reader takes only line feeds and characters every YAML reader prints as they are (no tab
     * either: YAML's rules for tabs in indentation and separation are not this reader's).
     */
    private static void printable(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if ((c >= 0x20 && c <= 0x7E) || c == '\n') {
          continue;
        }
        boolean ok =
            (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
                || (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(++i)));
        if (!ok) {
          throw new Unsupported();
        }
      }
    }

    Object document() {
      if (indent < 0) {
        throw new Unsupported(); // no content: snakeyaml says what such a text holds
      }
      Object value = block(indent, 1);
      if (indent >= 0) {
        throw new Unsupported(); // a line less indented than the document's first
      }
      return value;
    }

    /** Moves to the next line with content, skipping blank and comment lines. */
    private void advance() {
      while (next < text.length()) {
        int lineEnd = text.indexOf('\n', next);
        if (lineEnd < 0) {
          lineEnd = text.length();
        }
        int i = next;
        while (i < lineEnd && text.charAt(i) == ' ') {
          i++;
        }
        int lineStart = next;
        next = lineEnd + 1;
        if (i == lineEnd || text.charAt(i) == '#') {
          continue;
        }
        if (text.charAt(i) == '\r' || (text.startsWith("---", i) && i == lineStart)) {
          throw new Unsupported();
        }
        indent = i - lineStart;
        content = i;
        end = lineEnd;
        while (end > content && text.charAt(end - 1) == ' ') {
          end--;
        }
        dash =
            text.charAt(content) == '-' && (content + 1 == end || text.charAt(content + 1) == ' ');
        return;
      }
      indent = -1;
    }

    /** The block node whose first line is the current one, at {@code at} columns. */
    private Object block(int at, int depth) {
      if (depth >= YamlNodes.MAX_DEPTH - 1) {
        throw new Unsupported();
      }
      return dash ? sequence(at, depth) : mapping(at, depth);
    }

    private Map<Object, Object> mapping(int at, int depth) {
      Map<Object, Object> map = new LinkedHashMap<>();
      while (indent == at && !dash) {
        int colon = keyEnd(content);
        if (colon < 0) {
          throw new Unsupported();
        }
        Object key = key(content, colon);
        if (key == null || map.containsKey(key)) {
          throw new Unsupported(); // snakeyaml reports it
        }
        int valueStart = colon + 1;
        while (valueStart < end && text.charAt(valueStart) == ' ') {
          valueStart++;
        }
        Object value;
        if (valueStart >= end) {
          advance();
          if (indent > at) {
            value = block(indent, depth + 1);
          } else if (indent == at && dash) {
            value = sequence(at, depth + 1);
          } else {
            value = null;
          }
        } else {
          value = value(valueStart, depth);
          advance();
        }
        map.put(key, value);
      }
      if (indent > at || (indent == at && dash)) {
        throw new Unsupported(); // YAML refuses it, or reads it as part of a scalar
      }
      return map;
    }

    private List<Object> sequence(int at, int depth) {
      List<Object> list = new ArrayList<>();
      while (indent == at && dash) {
        int item = content + 2;
        if (item >= end || text.charAt(item) == ' ' || text.charAt(item) == '-') {
          throw new Unsupported(); // an empty or nested item, or one set further in
        }
        if (keyEnd(item) >= 0) {
          // `- key: value`: a mapping whose entries stand two columns in
          indent = at + 2;
          content = item;
          dash = false;
          list.add(mapping(at + 2, depth + 1));
        } else {
          list.add(value(item, depth));
          advance();
        }
      }
      if (indent > at) {
        throw new Unsupported();
      }
      return list;
    }

    /**
     * The column of the colon after a key starting at {@code from}, when the line is {@code key:}
     * or {@code key: value}; -1 otherwise.
     */
    private int keyEnd(int from) {
      int i = from;
      if (text.charAt(i) == '"') {
        InlineJson.Parser parser = new InlineJson.Parser(text, i, end, plainScalar);
        try {
          if (!(parser.value(1) instanceof String)) {
            return -1;
          }
        } catch (InlineJson.NotJson e) {
          return -1;
        }
        i = parser.pos;
      } else {
        if (!word(text.charAt(i), true)) {
          return -1;
        }
        while (i < end && word(text.charAt(i), false)) {
          i++;
        }
      }
      boolean colon =
          i < end && text.charAt(i) == ':' && (i + 1 == end || text.charAt(i + 1) == ' ');
      return colon && i - from <= MAX_KEY_CHARS ? i : -1;
    }

    private Object key(int from, int colon) {
      if (text.charAt(from) == '"') {
        return new InlineJson.Parser(text, from, colon, plainScalar).value(1);
      }
      return plainScalar.apply(text.substring(from, colon));
    }

    /** A value from {@code from} to the line's end: a JSON literal, or one plain word. */
    private Object value(int from, int depth) {
      char c = text.charAt(from);
      if (c == '"' || c == '{' || c == '[') {
        InlineJson.Parser parser = new InlineJson.Parser(text, from, end, plainScalar);
        Object value;
        try {
          value = parser.value(1);
          parser.spaces();
        } catch (InlineJson.NotJson e) {
          value = null;
          parser.pos = -1;
        }
        if (parser.pos != end) {
          if (c == '[') {
            return words(from); // not JSON: perhaps a list of plain words
          }
          throw new Unsupported();
        }
        if (depth + parser.maxDepth >= YamlNodes.MAX_DEPTH - 1) {
          throw new Unsupported();
        }
        return value;
      }
      if (!word(c, true) && c != '/') {
        throw new Unsupported();
      }
      for (int i = from + 1; i < end; i++) {
        char x = text.charAt(i);
        if (!word(x, false) && VALUE_CHARS.indexOf(x) < 0) {
          throw new Unsupported();
        }
      }
      if (text.charAt(end - 1) == ':') {
        throw new Unsupported(); // a value ending in a colon is a mapping YAML refuses here
      }
      return plainScalar.apply(text.substring(from, end));
    }

    /**
     * A flow list of plain words to the line's end, such as {@code [ALL]}: each word is a plain
     * scalar in flow context too, as it holds no comma, bracket or brace.
     */
    private List<Object> words(int from) {
      List<Object> list = new ArrayList<>();
      int i = from + 1;
      while (true) {
        while (i < end && text.charAt(i) == ' ') {
          i++;
        }
        int start = i;
        if (i >= end || !word(text.charAt(i), true)) {
          throw new Unsupported();
        }
        while (i < end && word(text.charAt(i), false)) {
          i++;
        }
        list.add(plainScalar.apply(text.substring(start, i)));
        while (i < end && text.charAt(i) == ' ') {
          i++;
        }
        if (i < end && text.charAt(i) == ',') {
          i++;
        } else if (i == end - 1 && text.charAt(i) == ']') {
          return list;
        } else {
          throw new Unsupported();
        }
      }
    }

    /**
     * More characters a block value's word may hold after its first: outside flow collections YAML
     * gives them no meaning, and a colon only before a space or the line's end. Rendered text is
     * full of them: {@code 25%}, {@code ghcr.io/app:1.2}, {@code image@sha256:...}, {@code a,b}.
     */
    private static final String VALUE_CHARS = "%,@=+:";

    /**
     * The characters of a plain word: none YAML gives a meaning to (no indicator, space, colon or
     * comment sign), so the word is one plain scalar wherever it stands.
     */
    private static boolean word(char c, boolean first) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || (!first && (c == '.' || c == '_' || c == '/' || c == '-'));
    }
  }
}
