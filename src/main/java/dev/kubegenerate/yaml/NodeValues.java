package dev.kubegenerate.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns a YAML node into plain Java values (String, Long, BigInteger, Double, Boolean, null,
 * List, LinkedHashMap) as YAML 1.2's core schema reads them.
 */
public final class NodeValues {

  /** Aliases can make a small node tree expand into a huge value; stop well before that hurts. */
  static final int MAX_NODES = 100_000;

  private int visited;

  private NodeValues() {}

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
    return new NodeValues().convert(node);
  }

  private Object convert(Node node) throws ValueException {
    if (++visited > MAX_NODES) {
      throw new ValueException(node, "value expands to more than " + MAX_NODES + " nodes (too many aliases?)");
    }
    if (node instanceof ScalarNode s) {
      return scalar(s);
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

  private static Object scalar(ScalarNode s) throws ValueException {
    Tag tag = s.getTag();
    String v = s.getValue();
    try {
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.parseBoolean(v.toLowerCase());
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
