package dev.kubegenerate.config;

import dev.kubegenerate.model.Glob;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Typed access to YAML nodes that records a located problem instead of throwing. */
final class Nodes {

  private final String file;
  private final List<Problem> problems;

  Nodes(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /**
   * The mapping's entries by key, or null (problem recorded) when {@code node} is not a mapping.
   * Duplicate keys and, when {@code allowed} is given, unknown keys are problems.
   */
  Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode map)) {
      problems.add(YamlNodes.at(file, node, what + " must be a map of `key: value` lines"));
      return null;
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = string(t.getKeyNode(), "key");
      if (key == null) {
        continue;
      }
      if (out.containsKey(key)) {
        int firstLine = YamlNodes.line(out.get(key).getKeyNode());
        problems.add(
            YamlNodes.at(
                file,
                t.getKeyNode(),
                "duplicate key \"" + key + "\" (first set on line " + firstLine + ")"));
        continue;
      }
      if (allowed != null && !allowed.contains(key)) {
        problems.add(
            YamlNodes.at(
                file,
                t.getKeyNode(),
                "unknown key \"" + key + "\" in " + what + Suggestions.didYouMean(key, allowed)));
        continue;
      }
      out.put(key, t);
    }
    return out;
  }

  /** A scalar's text, or null (problem recorded) for a collection or an explicit null. */
  String string(Node node, String what) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    problems.add(YamlNodes.at(file, node, what + " must be a single value, not " + describe(node)));
    return null;
  }

  /** A list of scalars; a single scalar is accepted as a list of one. */
  List<String> stringList(Node node, String what) {
    List<String> out = new ArrayList<>();
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      out.add(s.getValue());
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        String v = string(item, what + " item");
        if (v != null) {
          out.add(v);
        }
      }
    } else {
      problems.add(YamlNodes.at(file, node, what + " must be a list, e.g. `" + what + ": [a, b]`"));
    }
    return out;
  }

  /** {@link #stringList}, each a well-formed {@link Glob}; one that is not is a located error. */
  List<String> globList(Node node, String what) {
    List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
    List<String> out = new ArrayList<>();
    for (String glob : stringList(node, what)) {
      try {
        Glob.of(glob);
        out.add(glob);
      } catch (Glob.SyntaxException e) {
        Node at =
            items.stream()
                .filter(n -> n instanceof ScalarNode sc && sc.getValue().equals(glob))
                .findFirst()
                .orElse(node);
        problems.add(YamlNodes.at(file, at, what + ": " + e.getMessage()));
      }
    }
    return out;
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL) ? "empty" : "a value";
  }
}
