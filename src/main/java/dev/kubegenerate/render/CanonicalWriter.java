package dev.kubegenerate.render;

import dev.kubegenerate.yaml.YamlNodes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Writes parsed YAML values (maps, lists, strings, numbers, booleans, null) in kube-generate's
 * canonical block style. A direct writer, because a general-purpose emitter spends most of a render
 * analysing styles this form never uses; {@code CanonicalWriterTest} holds it to snakeyaml's output
 * for the same settings.
 */
final class CanonicalWriter {

  /**
   * Strings YAML 1.1 or 1.2 would read as another type: always double-quoted. The words in any case
   * ({@code yEs}); numbers as snakeyaml (YAML 1.1) and go-yaml, Kubernetes' reader, read them, the
   * latter after dropping every underscore ({@code 3.14_15}, {@code 0_x1F}) and with Go's radix
   * prefixes in either case ({@code 0X1F}, {@code 0B101}, {@code 0O17}).
   */
  static final Pattern NOT_A_STRING =
      Pattern.compile(
          "(?i:y|n|yes|no|true|false|on|off|null)"
              + "|~|=|<<"
              + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?0o[0-7]+"
              + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
              + "|[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?[0-9]+[eE][-+]?[0-9]+|[-+]?[0-9][0-9_]*\\.?[0-9]*[eE][-+]?[0-9]+"
              // snakeyaml's float: underscores anywhere among the digits, a sign alone with them
              + "|([-+][0-9_]|[-+]?[0-9])[0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
              // and a dot before underscores alone ("._"), which it takes for a float and then
              // cannot read: quoted, so no YAML 1.1 reader stumbles on it
              + "|[-+]?\\.[0-9_]+([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?i:inf|nan)"
              + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?"
              // YAML 1.2's integers may start with 0 (08 is 8, not octal); snakeyaml reads
              // ${NAME} as an environment variable's tag
              + "|[-+]?[0-9]+|\\$\\{.*\\}");

  /**
   * What go-yaml reads as a number once it has dropped every underscore, for a string that starts
   * with a sign, a digit or a dot: Go's integers with a radix prefix in either case, and floats.
   */
  private static final Pattern GO_NUMBER =
      Pattern.compile(
          "[-+]?(0[xXbBoO][0-9a-fA-F]+|[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?"
              + "|\\.[0-9]+([eE][-+]?[0-9]+)?)");

  /**
   * {@link #NOT_A_STRING}'s answers for short strings met before: quantities such as {@code 100m}
   * and {@code 256Mi} start like a number and recur in every manifest. Bounded, so that a hostile
   * input fills it at most once; past the bound strings are matched as they come.
   */
  private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

  static final int MAX_KNOWN = 4096;

  static final int MAX_KNOWN_LENGTH = 32;

  /** Every string {@link #NOT_A_STRING} matches starts with one of these. */
  private static final String SPECIAL_FIRST = "yYnNtTfFoO~=<-+.0123456789$";

  private final StringBuilder out = new StringBuilder(2048);

  /** Resolves plain scalars' tags for the nodes; null when no nodes are built. */
  private final ScalarResolver resolver;

  /**
   * Whether nodes are still built: not without a resolver, nor past a collection nested deeper than
   * a reader composes, nor past {@link #MAX_COMPOSED_CHARS}.
   */
  private boolean composing;

  /**
   * Nodes are built for text up to this long. A manifest is a few KiB; a longer body is read back
   * as before, so that the nodes a config's render keeps until it is validated (several times the
   * size of their text) never amount to more than its bodies' text.
   */
  static final int MAX_COMPOSED_CHARS = 64 << 10;

  private CanonicalWriter(ScalarResolver resolver) {
    this.resolver = resolver;
    this.composing = resolver != null;
  }

  /** One document, ending with a newline. */
  static String document(Object value) {
    return composed(value, null).text();
  }

  /**
   * One document as {@link #document} writes it, and the node snakeyaml composes from that text
   * (without marks): each plain scalar tagged as {@code resolver} resolves its text, quoted and
   * literal strings as strings.
   *
   * @param node null when no resolver is given, when a collection nests deeper than {@link
   *     YamlNodes#MAX_DEPTH} levels (where a reader refuses the text), or past {@link
   *     #MAX_COMPOSED_CHARS}
   */
  record Composed(String text, Node node) {}

  static Composed composed(Object value, ScalarResolver resolver) {
    CanonicalWriter w = new CanonicalWriter(resolver);
    Node node = w.write(value);
    // a line is checked as it starts: the last one may be long
    boolean composed = w.composing && w.out.length() <= MAX_COMPOSED_CHARS;
    return new Composed(w.out.toString(), composed ? node : null);
  }

  private Node write(Object value) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      return mapping(map, 0, false, 1);
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      return sequence(list, 0, false, 1);
    }
    // a literal block's lines are indented under the document, as under a key: at column 0 they
    // would not read back
    Node node = scalarOrEmpty(value, 2, 1);
    out.append('\n');
    return node;
  }

  /** A non-empty mapping at nesting level {@code depth} (1 for a document). */
  private Node mapping(Map<?, ?> map, int indent, boolean inlineFirst, int depth) {
    List<NodeTuple> tuples = composing ? new ArrayList<>(map.size()) : null;
    nested(depth);
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(first && inlineFirst)) {
        pad(indent);
      }
      first = false;
      Node key = key(e.getKey());
      out.append(':');
      Node value = value(e.getValue(), indent, depth + 1);
      if (tuples != null && composing) {
        tuples.add(new NodeTuple(key, value));
      }
    }
    return tuples == null ? null : new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
  }

  private Node sequence(List<?> list, int indent, boolean inlineFirst, int depth) {
    List<Node> items = composing ? new ArrayList<>(list.size()) : null;
    nested(depth);
    boolean first = true;
    for (Object item : list) {
      if (!(first && inlineFirst)) {
        pad(indent);
      }
      first = false;
      out.append("- ");
      Node node;
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        node = mapping(m, indent + 2, true, depth + 1);
      } else if (item instanceof List<?> l && !l.isEmpty()) {
        node = sequence(l, indent + 2, true, depth + 1);
      } else {
        node = scalarOrEmpty(item, indent + 2, depth + 1);
        out.append('\n');
      }
      if (items != null) {
        items.add(node);
      }
    }
    return items == null ? null : new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
  }

  /** The value after {@code key:}, nested collections on the following lines. */
  private Node value(Object value, int indent, int depth) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      return mapping(m, indent + 2, false, depth);
    }
    if (value instanceof List<?> l && !l.isEmpty()) {
      out.append('\n');
      return sequence(l, indent + 2, false, depth);
    }
    out.append(' ');
    Node node = scalarOrEmpty(value, indent + 2, depth);
    out.append('\n');
    return node;
  }

  /** A scalar, or an empty collection in flow style ({@code {}} or {@code []}). */
  private Node scalarOrEmpty(Object value, int indent, int depth) {
    if (value instanceof Map<?, ?>) {
      out.append("{}");
      nested(depth);
      return !composing ? null : new MappingNode(Tag.MAP, List.of(), FlowStyle.FLOW);
    }
    if (value instanceof List<?>) {
      out.append("[]");
      nested(depth);
      return !composing ? null : new SequenceNode(Tag.SEQ, List.of(), FlowStyle.FLOW);
    }
    if (value instanceof String s) {
      if (s.indexOf('\n') >= 0) {
        out.append(literalOrQuoted(s, indent));
        return !composing ? null : new ScalarNode(Tag.STR, s, ScalarStyle.LITERAL);
      }
      return flow(s);
    }
    String text = scalar(value, indent);
    out.append(text);
    return !composing ? null : new ScalarNode(tagOf(value), text, ScalarStyle.PLAIN);
  }

  /** Keys stay on one line: a string key is never a literal block. */
  private Node key(Object key) {
    if (key instanceof String s) {
      return flow(s);
    }
    String text = scalar(key, 0);
    out.append(text);
    return !composing ? null : new ScalarNode(tagOf(key), text, ScalarStyle.PLAIN);
  }

  /** A one-line string and its node: a string when quoted, resolved from its text when plain. */
  private Node flow(String s) {
    String written = flowString(s);
    out.append(written);
    if (!composing) {
      return null;
    }
    // flowString returns the string itself only when it writes it plain
    boolean plain = written == s;
    return plain
        ? new ScalarNode(plainTag(s), s, ScalarStyle.PLAIN)
        : new ScalarNode(Tag.STR, s, ScalarStyle.DOUBLE_QUOTED);
  }

  /**
   * The tag a reader gives a string written plain. What {@link #readAsOtherType} leaves plain is a
   * string to the core schema unless it starts with a digit, a sign, a dot or {@code $} ({@code 08}
   * is an integer, {@code ${X}} an environment reference): only those need the resolver's patterns.
   */
  private Tag plainTag(String s) {
    return Character.isLetter(s.charAt(0)) ? Tag.STR : resolver.resolve(s, true);
  }

  /**
   * The tag the core schema gives the text {@link #scalar} writes for a value that is not a string:
   * integers print as {@code -?[0-9]+}, doubles as {@code 1.5}, {@code 1.0E-5} or {@code .inf}.
   */
  private static Tag tagOf(Object value) {
    if (value == null) {
      return Tag.NULL;
    }
    if (value instanceof Double) {
      return Tag.FLOAT;
    }
    return value instanceof Boolean ? Tag.BOOL : Tag.INT;
  }

  /** Notes a collection at nesting level {@code depth}, which a reader refuses past the limit. */
  private void nested(int depth) {
    if (depth > YamlNodes.MAX_DEPTH) {
      composing = false;
    }
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
   * are at most five letters long. The pattern was a tenth of a check's CPU samples.
   */
  static boolean readAsOtherType(String s) {
    if (s.isEmpty() || SPECIAL_FIRST.indexOf(s.charAt(0)) < 0) {
      return false;
    }
    if (Character.isLetter(s.charAt(0)) && s.length() > 5) {
      return false;
    }
    if (s.length() > MAX_KNOWN_LENGTH) {
      return matchesOtherType(s);
    }
    Boolean known = KNOWN.get(s);
    if (known == null) {
      known = matchesOtherType(s);
      if (KNOWN.size() < MAX_KNOWN) {
        KNOWN.put(s, known);
      }
    }
    return known;
  }

  /** {@link #NOT_A_STRING}, or {@link #GO_NUMBER} for a string that starts like a number. */
  static boolean matchesOtherType(String s) {
    if (s.isEmpty() || NOT_A_STRING.matcher(s).matches()) {
      return !s.isEmpty();
    }
    char c = s.charAt(0);
    return (c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9')
        && GO_NUMBER.matcher(s.replace("_", "")).matches();
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
    return literalBlock(s, indent);
  }

  /**
   * {@code s} as a literal block ({@code |}, with the chomping that keeps its final line breaks),
   * its lines at {@code indent}: for a string the caller found YAML holds exactly that way.
   */
  static String literalBlock(String s, int indent) {
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
    if (out.length() > MAX_COMPOSED_CHARS) {
      composing = false;
    }
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }
}
