package dev.kubegenerate.kubernetes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A key written twice in one mapping of a manifest. A node tree keeps both (only building values
 * refuses them), and Kubernetes refuses such an object: kubectl's strict field validation reports a
 * duplicate field, and the API server would keep only one of the two values.
 *
 * <p>A mapping reached again through an alias is the same mapping: it is checked once, within the
 * walk's budget, and a path becomes text only for a duplicate found.
 */
final class DuplicateKeys {

  private DuplicateKeys() {}

  /** Adds a violation for every repeated key under {@code node}, in document order. */
  static void find(Node node, FieldPath path, Walk walk) {
    find(node, path, walk, 0);
  }

  private static void find(Node node, FieldPath path, Walk walk, int depth) {
    if (!(node instanceof MappingNode || node instanceof SequenceNode)
        || walk.done()
        || !walk.enter(node, depth, path)
        || !walk.firstVisit(node, DuplicateKeys.class)) {
      return;
    }
    if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size() && !walk.done(); i++) {
        find(items.get(i), path.index(i), walk, depth + 1);
      }
      return;
    }
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      if (walk.done()) {
        return;
      }
      Node key = tuple.getKeyNode();
      String name = key instanceof ScalarNode s ? s.getValue() : null;
      FieldPath child = name == null ? path : path.field(name);
      // keys become JSON object names: `1` and "1" are the same field
      Node first = name == null ? null : seen.putIfAbsent(name, key);
      if (first != null) {
        walk.add(
            Violations.invalid(
                key,
                child,
                "duplicate key \""
                    + ValueChecks.cut(name)
                    + "\""
                    + first
                        .getStartMark()
                        .map(m -> " (first on line " + (m.getLine() + 1) + ")")
                        .orElse("")
                    + ": Kubernetes refuses an object with a field written twice"));
      }
      find(tuple.getValueNode(), child, walk, depth + 1);
    }
  }
}
