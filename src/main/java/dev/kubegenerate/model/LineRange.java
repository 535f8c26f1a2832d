package dev.kubegenerate.model;

/** An inclusive, 1-based range of lines of the committed file. */
public record LineRange(int start, int end) {

  public LineRange {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("bad line range " + start + "-" + end);
    }
  }
}
