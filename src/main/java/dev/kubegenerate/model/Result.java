package dev.kubegenerate.model;

/** The verdict of a run, as the JSON report and the action's {@code result} output name it. */
public enum Result {
  /** Nothing to change, no finding that fails. */
  CLEAN("clean"),
  /** A finding in {@code --fail-on}, or a diff to apply. */
  FINDINGS("findings"),
  /** The input could not be checked. */
  ERROR("error");

  private final String id;

  Result(String id) {
    this.id = id;
  }

  /** The name in reports and outputs. */
  public String id() {
    return id;
  }
}
