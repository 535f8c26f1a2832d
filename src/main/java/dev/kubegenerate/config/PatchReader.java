package dev.kubegenerate.config;

import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.NodeValues;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code patches:} lists, each item checked for its shape with the problem at its line: a
 * {@code target} with a {@code kind} (and maybe a {@code name}), and exactly one of {@code merge}
 * (a map) or {@code json} (a list of operations, each with an {@code op} and a {@code path}).
 * Whether a patch applies is known only when the entry renders.
 */
final class PatchReader {

  private static final Set<String> ITEM_KEYS = Set.of("target", "merge", "json");
  private static final Set<String> TARGET_KEYS = Set.of("kind", "name");

  private final String shownAs;
  private final List<Problem> problems;
  private final Nodes nodes;

  PatchReader(String shownAs, List<Problem> problems, Nodes nodes) {
    this.shownAs = shownAs;
    this.problems = problems;
    this.nodes = nodes;
  }

  /**
   * @param cluster the override's cluster, or empty for the entry's own patches
   */
  List<Patch> read(Node value, Optional<String> cluster) {
    List<Patch> out = new ArrayList<>();
    if (nodes.isNull(value)) {
      return out;
    }
    if (!(value instanceof SequenceNode list)) {
      problems.add(
          YamlNodes.at(
              shownAs,
              value,
              "patches must be a list of `- target: {kind: ...}` items with merge: or json:"));
      return out;
    }
    for (Node item : list.getValue()) {
      item(item, cluster).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Patch> item(Node item, Optional<String> cluster) {
    Map<String, NodeTuple> fields = nodes.mapping(item, "a patch", ITEM_KEYS);
    if (fields == null) {
      return Optional.empty();
    }
    Position at = position(item);
    NodeTuple target = fields.get("target");
    if (target == null) {
      problems.add(
          at.problem(shownAs, "a patch needs a target: {kind: ...} naming the objects it changes"));
      return Optional.empty();
    }
    Map<String, NodeTuple> targetFields =
        nodes.mapping(target.getValueNode(), "target", TARGET_KEYS);
    if (targetFields == null) {
      return Optional.empty();
    }
    if (!targetFields.containsKey("kind")) {
      problems.add(
          YamlNodes.at(
              shownAs, target.getValueNode(), "a patch's target needs a kind, such as Deployment"));
      return Optional.empty();
    }
    String kind = nodes.string(targetFields.get("kind").getValueNode(), "target.kind");
    Optional<String> name =
        targetFields.containsKey("name")
            ? Optional.ofNullable(
                nodes.string(targetFields.get("name").getValueNode(), "target.name"))
            : Optional.empty();
    if (kind == null || (targetFields.containsKey("name") && name.isEmpty())) {
      return Optional.empty();
    }
    boolean merge = fields.containsKey("merge");
    boolean json = fields.containsKey("json");
    if (merge == json) {
      problems.add(
          at.problem(
              shownAs,
              "a patch has exactly one of merge: (a strategic merge patch) or json: (RFC 6902"
                  + " operations)"));
      return Optional.empty();
    }
    Node body = fields.get(merge ? "merge" : "json").getValueNode();
    Object value;
    try {
      value = NodeValues.toJava(body);
    } catch (NodeValues.ValueException e) {
      problems.add(YamlNodes.at(shownAs, e.node(), e.getMessage()));
      return Optional.empty();
    }
    if (merge) {
      if (!(value instanceof Map<?, ?> map)) {
        problems.add(YamlNodes.at(shownAs, body, "merge: must be a map, the fields to change"));
        return Optional.empty();
      }
      Map<String, Object> patch = new LinkedHashMap<>();
      map.forEach((k, v) -> patch.put(String.valueOf(k), v));
      return Optional.of(
          new Patch(kind, name, Optional.of(patch), Optional.empty(), at, List.of(), cluster));
    }
    List<Object> operations = value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    return positions(body, value)
        .map(
            ops ->
                new Patch(kind, name, Optional.empty(), Optional.of(operations), at, ops, cluster));
  }

  /** The position of each operation, or empty (problem recorded) when one is malformed. */
  private Optional<List<Position>> positions(Node body, Object value) {
    if (!(value instanceof List<?> ops) || !(body instanceof SequenceNode items)) {
      problems.add(
          YamlNodes.at(shownAs, body, "json: must be a list of operations such as {op: add, ...}"));
      return Optional.empty();
    }
    List<Position> out = new ArrayList<>();
    boolean fine = true;
    for (int i = 0; i < ops.size(); i++) {
      Node node = items.getValue().get(i);
      out.add(position(node));
      if (!(ops.get(i) instanceof Map<?, ?> op)
          || !(op.get("op") instanceof String)
          || !(op.get("path") instanceof String)
          || !(node instanceof MappingNode)) {
        problems.add(
            YamlNodes.at(
                shownAs, node, "each JSON patch operation needs op: and path: (RFC 6902)"));
        fine = false;
      }
    }
    return fine ? Optional.of(out) : Optional.empty();
  }

  private static Position position(Node node) {
    return node.getStartMark()
        .map(m -> new Position(m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Position(0, 0));
  }
}
