package dev.kubegenerate.config;

import dev.kubegenerate.model.Problem;

/**
 * Where something starts in a config, as plain values: what a record of the config carries instead
 * of a parser's node.
 *
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record Position(int line, int column) {

  // Written out: see KubernetesVersion.equals (each patch holds positions, hashed with it).
  @Override
  public boolean equals(Object other) {
    return other instanceof Position p && p.line == line && p.column == column;
  }

  @Override
  public int hashCode() {
    return 31 * line + column;
  }

  /** A problem located here in {@code file}. */
  public Problem problem(String file, String message) {
    return new Problem(file, line, column, message);
  }
}
