package dev.kubegenerate.patch;

/**
 * A patch that cannot be applied: malformed, or naming what the object does not hold. Its message
 * is one line, for a located error in kube-generate.yaml.
 *
 * @see JsonPatch
 */
public final class PatchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int operation;

  /**
   * @param operation the 0-based index of the JSON patch operation at fault, or -1 for the whole
   *     patch
   */
  public PatchException(int operation, String message) {
    super(message, null, false, false);
    this.operation = operation;
  }

  public PatchException(String message) {
    this(-1, message);
  }

  /** The 0-based index of the operation at fault, or -1 for the whole patch. */
  public int operation() {
    return operation;
  }
}
