package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Violation;
import dev.kubegenerate.model.Violation.Rule;
import dev.kubegenerate.model.Violation.Severity;
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
 */
final class DuplicateKeys {

  private DuplicateKeys() {}

  /** Adds a violation for every repeated key under {@code node}, in document order. */
  static void find(Node node, String path, List<Violation> out) {
    if (node instanceof MappingNode map) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        Node key = tuple.getKeyNode();
        String name = key instanceof ScalarNode s ? s.getValue() : null;
        String child = name == null ? path : FieldPath.field(path, name);
        // keys become JSON object names: `1` and "1" are the same field
        Node first = name == null ? null : seen.putIfAbsent(name, key);
        if (first != null && out.size() < SchemaValidator.MAX_VIOLATIONS) {
          out.add(
              new Violation(
                  Rule.INVALID,
                  Severity.ERROR,
                  key.getStartMark().map(m -> m.getLine() + 1).orElse(1),
                  key.getStartMark().map(m -> m.getColumn() + 1).orElse(0),
                  child,
                  "duplicate key \""
                      + name
                      + "\""
                      + first
                          .getStartMark()
                          .map(m -> " (first on line " + (m.getLine() + 1) + ")")
                          .orElse("")
                      + ": Kubernetes refuses an object with a field written twice"));
        }
        find(tuple.getValueNode(), child, out);
      }
    } else if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        find(items.get(i), path + "[" + i + "]", out);
      }
    }
  }
}
