package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.model.Violation;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Checks a YAML node tree against a schema as the API server decodes it: unknown fields (strict),
 * types, required fields, int-or-string and quantities. Each violation is located on the offending
 * node and names its path.
 */
final class SchemaValidator {

  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

  /** Kubernetes' quantity grammar: a signed decimal number and an optional suffix. */
  private static final Pattern QUANTITY_TEXT =
      Pattern.compile(
          "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?[0-9]+))?");

  /** Deeper nesting is no real manifest; stopping bounds the work on hostile input. */
  private static final int MAX_DEPTH = 100;

  /** Enough to fix a file; more only floods the report. */
  static final int MAX_VIOLATIONS = 50;

  /** Aliases can make a small file a huge tree to walk; no real manifest comes near this. */
  static final int MAX_NODES = 200_000;

  private int visited;

  private final Function<String, Optional<Schema>> definitions;
  private final List<Violation> out;

  SchemaValidator(Function<String, Optional<Schema>> definitions, List<Violation> out) {
    this.definitions = definitions;
    this.out = out;
  }

  /**
   * Validates {@code node} against {@code schema}.
   *
   * @param path the node's path, empty at the root
   * @param named the key naming the node, where a missing required field is reported; or the node
   */
  void validate(Schema schema, Node node, String path, Node named, int depth) {
    validate(schema, node, FieldPath.root(path), named, depth);
  }

  private void validate(Schema schema, Node node, FieldPath path, Node named, int depth) {
    if (out.size() >= MAX_VIOLATIONS || isNull(node)) {
      return;
    }
    if (++visited > MAX_NODES) {
      if (visited == MAX_NODES + 1) {
        add(
            node,
            path,
            "the object expands to more than "
                + MAX_NODES
                + " values (through aliases?); not checked further");
      }
      return;
    }
    if (depth > MAX_DEPTH) {
      add(node, path, "nested more than " + MAX_DEPTH + " levels deep; not checked further");
      return;
    }
    Schema s = schema;
    for (int hops = 0; s.ref().isPresent() && hops < 10; hops++) {
      if (s.ref().get().equals(QUANTITY)) {
        quantity(node, path);
        return;
      }
      s = definitions.apply(s.ref().get()).orElse(Schema.ANY);
    }
    if (s.intOrString()) {
      if (!(node instanceof ScalarNode sc)
          || !(sc.getTag().equals(Tag.INT) || sc.getTag().equals(Tag.STR))) {
        add(node, path, "expected an integer or a string, got " + describe(node));
      }
      return;
    }
    if (!s.enumValues().isEmpty()
        && node instanceof ScalarNode sc
        && !s.enumValues().contains(sc.getValue())) {
      add(node, path, "\"" + sc.getValue() + "\" is not one of " + s.enumValues());
      return;
    }
    if (s.type().isEmpty()) {
      if (!s.properties().isEmpty() || s.values().isPresent()) {
        object(s, node, path, named, depth);
      }
      return;
    }
    switch (s.type().get()) {
      case "object" -> object(s, node, path, named, depth);
      case "array" -> array(s, node, path, depth);
      case "string" -> scalar(node, path, "string", Tag.STR);
      case "boolean" -> scalar(node, path, "boolean", Tag.BOOL);
      case "number" -> scalar(node, path, "number", Tag.INT, Tag.FLOAT);
      case "integer" -> integer(s, node, path);
      default -> {}
    }
  }

  private void object(Schema s, Node node, FieldPath path, Node named, int depth) {
    if (!(node instanceof MappingNode map)) {
      add(node, path, "expected an object, got " + describe(node));
      return;
    }
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        add(t.getKeyNode(), path, "a field name must be a string");
        continue;
      }
      String name = key.getValue();
      FieldPath child = path.field(name);
      Schema field = s.properties().get(name);
      if (field != null) {
        validate(field, t.getValueNode(), child, key, depth + 1);
      } else if (s.values().isPresent()) {
        validate(s.values().get(), t.getValueNode(), child, key, depth + 1);
      } else if (s.closed()) {
        add(
            key,
            child,
            "unknown field \""
                + name
                + "\""
                + Suggestions.didYouMean(name, s.properties().keySet()));
      }
    }
    for (String required : s.required()) {
      if (!hasKey(map, required)) {
        add(named, path, "missing required field \"" + required + "\"");
      }
    }
  }

  private static boolean hasKey(MappingNode map, String name) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private void array(Schema s, Node node, FieldPath path, int depth) {
    if (!(node instanceof SequenceNode seq)) {
      add(node, path, "expected a list, got " + describe(node));
      return;
    }
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size() && s.items().isPresent(); i++) {
      validate(s.items().get(), items.get(i), path.index(i), items.get(i), depth + 1);
    }
  }

  private void scalar(Node node, FieldPath path, String expected, Tag... tags) {
    if (node instanceof ScalarNode sc) {
      for (Tag tag : tags) {
        if (sc.getTag().equals(tag)) {
          return;
        }
      }
    }
    String hint = expected.equals("string") && node instanceof ScalarNode ? "; quote it" : "";
    add(node, path, "expected " + article(expected) + ", got " + describe(node) + hint);
  }

  private void integer(Schema s, Node node, FieldPath path) {
    scalar(node, path, "integer", Tag.INT);
    if (node instanceof ScalarNode sc
        && sc.getTag().equals(Tag.INT)
        && s.format().filter("int32"::equals).isPresent()) {
      try {
        long value = Long.decode(sc.getValue().replace("_", "").replace("0o", "0"));
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          add(node, path, sc.getValue() + " does not fit in a 32-bit integer");
        }
      } catch (NumberFormatException e) {
        add(node, path, sc.getValue() + " does not fit in a 32-bit integer");
      }
    }
  }

  private void quantity(Node node, FieldPath path) {
    if (node instanceof ScalarNode sc) {
      Tag tag = sc.getTag();
      if (tag.equals(Tag.INT)
          || tag.equals(Tag.FLOAT)
          || tag.equals(Tag.STR) && QUANTITY_TEXT.matcher(sc.getValue()).matches()) {
        return;
      }
      if (tag.equals(Tag.STR)) {
        add(node, path, "\"" + sc.getValue() + "\" is not a quantity (e.g. 100m, 0.5, 256Mi, 1Gi)");
        return;
      }
    }
    add(node, path, "expected a quantity (e.g. 100m, 256Mi), got " + describe(node));
  }

  private void add(Node at, FieldPath path, String message) {
    if (out.size() < MAX_VIOLATIONS) {
      int line = at.getStartMark().map(m -> m.getLine() + 1).orElse(1);
      int column = at.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
      out.add(
          new Violation(
              Violation.Rule.INVALID,
              Violation.Severity.ERROR,
              line,
              column,
              path.toString(),
              message));
    }
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode sc && sc.getTag().equals(Tag.NULL);
  }

  private static String article(String type) {
    return (type.startsWith("i") ? "an " : "a ") + type;
  }

  /** What a node holds, as a user would say it: {@code string "8080"}, {@code a list}. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "an object";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode sc = (ScalarNode) node;
    String value =
        sc.getValue().length() > 40 ? sc.getValue().substring(0, 40) + "..." : sc.getValue();
    Tag tag = sc.getTag();
    String kind =
        tag.equals(Tag.STR)
            ? "string \"" + value + "\""
            : tag.equals(Tag.INT)
                ? "integer " + value
                : tag.equals(Tag.FLOAT)
                    ? "number " + value
                    : tag.equals(Tag.BOOL)
                        ? "boolean " + value
                        : "a value tagged " + tag.getValue();
    return kind;
  }
}
