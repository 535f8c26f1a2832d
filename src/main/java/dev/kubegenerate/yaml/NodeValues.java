package dev.kubegenerate.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns a YAML node into plain Java values (String, Long, BigInteger, Double, Boolean, null, List,
 * LinkedHashMap) as YAML 1.2's core schema reads them.
 */
public final class NodeValues {

  /** Aliases can make a small node tree expand into a huge value; stop well before that hurts. */
  static final int MAX_NODES = 100_000;

  /**
   * Aliases can also repeat one long string many times; the text a value expands to is capped at
   * the size of the largest file kube-generate reads, which no value without aliases can exceed.
   */
  static final int MAX_CHARS = InputText.MAX_BYTES;

  private final boolean scalarsAsText;
  private int visited;
  private long chars;

  private NodeValues(boolean scalarsAsText) {
    this.scalarsAsText = scalarsAsText;
  }

  /** A problem with a value, at the node that caused it. */
  public static final class ValueException extends Exception {
    private final transient Node node;

    ValueException(Node node, String message) {
      super(message, null, false, false);
      this.node = node;
    }

    /** The node at fault. */
    public Node node() {
      return node;
    }
  }

  /** Converts {@code node} and everything below it. */
  public static Object toJava(Node node) throws ValueException {
    return new NodeValues(false).convert(node);
  }

  /**
   * Converts {@code node} for a parameter whose scalars are strings: every non-null scalar is its
   * source text, so {@code 1.10}, {@code 007} or {@code 0x1F} stay what was written instead of
   * becoming the number 1.1, 7 or 31.
   */
  public static Object toJavaText(Node node) throws ValueException {
    return new NodeValues(true).convert(node);
  }

  private Object convert(Node node) throws ValueException {
    if (++visited > MAX_NODES) {
      throw new ValueException(
          node, "value expands to more than " + MAX_NODES + " nodes (too many aliases?)");
    }
    if (node instanceof ScalarNode s) {
      chars += s.getValue().length();
      if (chars > MAX_CHARS) {
        throw new ValueException(
            node,
            "value expands to more than " + (MAX_CHARS >> 20) + " MiB of text (too many aliases?)");
      }
      return scalarsAsText && !s.getTag().equals(Tag.NULL) && isCoreScalar(s.getTag())
          ? s.getValue()
          : scalar(s);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> list = new ArrayList<>(seq.getValue().size());
      for (Node item : seq.getValue()) {
        list.add(convert(item));
      }
      return list;
    }
    MappingNode map = (MappingNode) node;
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
        throw new ValueException(t.getKeyNode(), "map keys must be single values");
      }
      if (out.containsKey(key.getValue())) {
        throw new ValueException(key, "duplicate key \"" + key.getValue() + "\"");
      }
      out.put(key.getValue(), convert(t.getValueNode()));
    }
    return out;
  }

  private static boolean isCoreScalar(Tag tag) {
    return tag.equals(Tag.STR)
        || tag.equals(Tag.INT)
        || tag.equals(Tag.FLOAT)
        || tag.equals(Tag.BOOL);
  }

  private static Object scalar(ScalarNode s) throws ValueException {
    Tag tag = s.getTag();
    String v = s.getValue();
    try {
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
      }
      if (tag.equals(Tag.INT)) {
        return integer(v);
      }
      if (tag.equals(Tag.FLOAT)) {
        return Double.parseDouble(v.replace("_", ""));
      }
    } catch (NumberFormatException e) {
      throw new ValueException(s, "\"" + v + "\" is not a number");
    }
    if (tag.equals(Tag.STR)) {
      return v;
    }
    throw new ValueException(s, "unsupported YAML tag " + tag.getValue() + "; write a plain value");
  }

  private static Object integer(String v) {
    String digits = v.replace("_", "");
    BigInteger n;
    if (digits.startsWith("0x")) {
      n = new BigInteger(digits.substring(2), 16);
    } else if (digits.startsWith("0o")) {
      n = new BigInteger(digits.substring(2), 8);
    } else {
      n = new BigInteger(digits);
    }
    return n.bitLength() < 64 ? (Object) n.longValue() : n;
  }
}
