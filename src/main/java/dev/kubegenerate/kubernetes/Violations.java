package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Violation;
import dev.kubegenerate.model.Violation.Rule;
import dev.kubegenerate.model.Violation.Severity;
import org.snakeyaml.engine.v2.nodes.Node;

/** Violations located on a node: its line and column, when the text was read with marks. */
final class Violations {

  private Violations() {}

  /** An {@code invalid} error at {@code node}; the path becomes text only here. */
  static Violation invalid(Node node, FieldPath path, String message) {
    return at(Rule.INVALID, Severity.ERROR, node, path.toString(), message);
  }

  static Violation at(Rule rule, Severity severity, Node node, String path, String message) {
    int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    return new Violation(rule, severity, line, column, path, message);
  }
}
