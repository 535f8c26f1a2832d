package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Checks a YAML node tree against a schema as the API server decodes and validates it: unknown
 * fields (strict), types, required fields (null counts as missing), enums, base64 for {@code byte}
 * fields, int-or-string and quantities. Each violation is located on the offending node and names
 * its path.
 */
final class SchemaValidator {

  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

  private static final String NOT_SHOWN = " (the value is not shown: it is Secret data)";

  /**
   * What is checked where.
   *
   * @param typesOnlyUnder root fields whose values are checked for their types only: the server
   *     rewrites an object's {@code status}, so its enums are not checked there
   * @param hiddenUnder root fields whose values no message shows (a Secret's data)
   * @param emptyIsUnset whether {@code ""} passes an enum: a built-in type's optional string field
   *     holding "" decodes as unset; a custom resource's schema refuses it
   * @param asKubectlReads whether the nodes come from a manifest kubectl reads (YAML 1.1): a plain
   *     {@code yes} is then a boolean; kube-generate's own files are YAML 1.2
   */
  record Policy(
      Set<String> typesOnlyUnder,
      Set<String> hiddenUnder,
      boolean emptyIsUnset,
      boolean asKubectlReads) {

    /** A value of kube-generate's own YAML (a parameter's) for a built-in type. */
    static final Policy BUILT_IN = new Policy(Set.of(), Set.of(), true, false);
  }

  private final Function<String, Optional<Schema>> definitions;
  private final Walk walk;
  private final Policy policy;
  private boolean typesOnly;
  private boolean hidden;

  SchemaValidator(Function<String, Optional<Schema>> definitions, Walk walk, Policy policy) {
    this.definitions = definitions;
    this.walk = walk;
    this.policy = policy;
  }

  /**
   * Validates {@code node} against {@code schema}.
   *
   * @param path the node's path
   * @param named the key naming the node, where a missing required field is reported; or the node
   */
  void validate(Schema schema, Node node, FieldPath path, Node named) {
    validate(schema, node, path, named, 0);
  }

  private void validate(Schema schema, Node node, FieldPath path, Node named, int depth) {
    if (walk.done() || isNull(node) || !walk.enter(node, depth, path)) {
      return;
    }
    Schema s = schema;
    for (int hops = 0; s.ref().isPresent() && hops < 10; hops++) {
      if (s.ref().get().equals(QUANTITY)) {
        ValueChecks.notAQuantity(node).ifPresent(message -> add(node, path, message));
        return;
      }
      s = definitions.apply(s.ref().get()).orElse(Schema.ANY);
    }
    if (!walk.firstVisit(node, s)) {
      return;
    }
    if (s.intOrString()) {
      if (!(node instanceof ScalarNode sc)
          || !(ValueChecks.tag(sc).equals(Tag.INT) || ValueChecks.tag(sc).equals(Tag.STR))) {
        add(node, path, "expected an integer or a string, got " + describe(node));
      } else if (policy.asKubectlReads() && KubectlYaml.readsAsBoolean(sc)) {
        add(
            node,
            path,
            "expected an integer or a string, got "
                + sc.getValue()
                + ", which kubectl reads as a boolean (YAML 1.1); quote it");
      }
      return;
    }
    if (!s.enumValues().isEmpty() && node instanceof ScalarNode sc && !enumAllows(s, sc)) {
      add(node, path, ValueChecks.notOneOf(sc.getValue(), s.enumValues()));
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
      case "string" -> string(s, node, path);
      case "boolean" -> scalar(node, path, "boolean", Tag.BOOL);
      case "number" -> scalar(node, path, "number", Tag.INT, Tag.FLOAT);
      case "integer" -> integer(s, node, path);
      default -> {}
    }
  }

  private boolean enumAllows(Schema s, ScalarNode sc) {
    return typesOnly
        || s.enumValues().contains(sc.getValue())
        || policy.emptyIsUnset() && sc.getValue().isEmpty();
  }

  private void object(Schema s, Node node, FieldPath path, Node named, int depth) {
    if (!(node instanceof MappingNode map)) {
      add(node, path, "expected an object, got " + describe(node));
      return;
    }
    for (NodeTuple t : map.getValue()) {
      if (walk.done()) {
        return;
      }
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        add(t.getKeyNode(), path, "a field name must be a string");
        continue;
      }
      String name = key.getValue();
      FieldPath child = path.field(name);
      Schema field = s.properties().get(name);
      if (field != null && isNull(t.getValueNode()) && s.required().contains(name)) {
        add(key, child, "missing required field \"" + name + "\" (null)");
      } else if (field != null) {
        boolean wasTypesOnly = typesOnly;
        boolean wasHidden = hidden;
        if (depth == 0) {
          typesOnly = policy.typesOnlyUnder().contains(name);
          hidden = policy.hiddenUnder().contains(name);
        }
        validate(field, t.getValueNode(), child, key, depth + 1);
        typesOnly = wasTypesOnly;
        hidden = wasHidden;
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
    for (int i = 0; i < items.size() && s.items().isPresent() && !walk.done(); i++) {
      validate(s.items().get(), items.get(i), path.index(i), items.get(i), depth + 1);
    }
  }

  private void string(Schema s, Node node, FieldPath path) {
    if (!scalar(node, path, "string", Tag.STR)) {
      return;
    }
    if (policy.asKubectlReads() && KubectlYaml.readsAsBoolean((ScalarNode) node)) {
      add(
          node,
          path,
          hidden
              ? "expected a string, kubectl reads the value as a boolean (YAML 1.1); quote it"
                  + NOT_SHOWN
              : "expected a string, got "
                  + ((ScalarNode) node).getValue()
                  + ", which kubectl reads as a boolean (YAML 1.1); quote it");
    } else if (s.format().filter("byte"::equals).isPresent()
        && !ValueChecks.isBase64(((ScalarNode) node).getValue())) {
      add(
          node,
          path,
          hidden
              ? "is not base64" + NOT_SHOWN
              : ValueChecks.quoted(((ScalarNode) node).getValue()) + " is not base64");
    }
  }

  /** Whether the node is a scalar of one of the tags; adds a violation when not. */
  private boolean scalar(Node node, FieldPath path, String expected, Tag... tags) {
    if (node instanceof ScalarNode sc) {
      for (Tag tag : tags) {
        if (ValueChecks.tag(sc).equals(tag)) {
          return true;
        }
      }
    }
    if (hidden) {
      add(node, path, "expected " + article(expected) + NOT_SHOWN);
      return false;
    }
    String hint = expected.equals("string") && node instanceof ScalarNode ? "; quote it" : "";
    add(node, path, "expected " + article(expected) + ", got " + describe(node) + hint);
    return false;
  }

  private void integer(Schema s, Node node, FieldPath path) {
    if (scalar(node, path, "integer", Tag.INT) && s.format().filter("int32"::equals).isPresent()) {
      String text = ((ScalarNode) node).getValue();
      try {
        long value = Long.decode(text.replace("_", "").replace("0o", "0"));
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          add(node, path, text + " does not fit in a 32-bit integer");
        }
      } catch (NumberFormatException e) {
        add(node, path, ValueChecks.cut(text) + " does not fit in a 32-bit integer");
      }
    }
  }

  private void add(Node at, FieldPath path, String message) {
    walk.add(Violations.invalid(at, path, message));
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode sc && sc.getTag().equals(Tag.NULL);
  }

  private static String article(String type) {
    return (type.startsWith("i") ? "an " : "a ") + type;
  }

  private static String describe(Node node) {
    return ValueChecks.describe(node);
  }
}
