package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Violation;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * What every walk over one parsed document may spend, and what they found: the duplicate-key pass
 * and the schema pass share one count of nodes and one depth limit, and collect violations up to a
 * limit.
 *
 * <p>Aliases make a small text a huge tree (a few hundred bytes of nested aliases name 2^25 nodes):
 * a walk visits a node that carries an anchor once ({@link #firstVisit}), so its cost follows the
 * text, and the budget bounds what is left.
 */
final class Walk {

  /** No real manifest comes near this many values; hostile input stops here. */
  static final int MAX_NODES = 200_000;

  /** Deeper nesting is no real manifest; stopping keeps recursion far from the stack's end. */
  static final int MAX_DEPTH = 100;

  /** Enough to fix a file; more only floods the report. */
  static final int MAX_VIOLATIONS = 50;

  private final List<Violation> out;
  private final int limit;
  private int nodes;
  private boolean stopped;
  private final Map<Node, Object> anchored = new IdentityHashMap<>();

  /**
   * @param out where violations go
   * @param limit how many violations {@code out} may hold; 1 to learn only whether there is any
   */
  Walk(List<Violation> out, int limit) {
    this.out = out;
    this.limit = limit;
  }

  /** Whether the walks are done: enough violations, or the budget is spent. */
  boolean done() {
    return stopped || out.size() >= limit;
  }

  /**
   * Counts one node about to be visited at {@code depth}; false when the budget is spent (then a
   * violation says so, once).
   */
  boolean enter(Node node, int depth, FieldPath path) {
    if (stopped) {
      return false;
    }
    if (++nodes > MAX_NODES) {
      add(
          Violations.invalid(
              node,
              path,
              "the object expands to more than "
                  + MAX_NODES
                  + " values (through aliases?); not checked further"));
      stopped = true;
      return false;
    }
    if (depth > MAX_DEPTH) {
      add(
          Violations.invalid(
              node, path, "nested more than " + MAX_DEPTH + " levels deep; not checked further"));
      return false;
    }
    return true;
  }

  /**
   * Whether a walk meets {@code node} in this role for the first time. Only a node with an anchor
   * can be met twice (through an alias); what it holds is checked once, where it is first met.
   *
   * @param role what the node is checked as, compared by identity: {@code this} walk's duplicate
   *     keys, or a schema
   */
  boolean firstVisit(Node node, Object role) {
    if (node.getAnchor().isEmpty()) {
      return true;
    }
    Object seen = anchored.get(node);
    if (seen == null) {
      anchored.put(node, role);
      return true;
    }
    if (seen == role) {
      return false;
    }
    Set<Object> roles = seen instanceof Roles r ? r.set() : newRoles(node, seen);
    return roles.add(role);
  }

  /** The roles a node was met in, when more than one. */
  private record Roles(Set<Object> set) {}

  private Set<Object> newRoles(Node node, Object first) {
    Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.add(first);
    anchored.put(node, new Roles(set));
    return set;
  }

  void add(Violation v) {
    if (out.size() < limit) {
      out.add(v);
    }
  }
}
