package dev.kubegenerate.diff;

/**
 * One change between two lists of lines: {@code oldSize} lines at {@code oldStart} replaced by
 * {@code newSize} lines at {@code newStart} (0-based; a size of 0 is a pure insertion or deletion).
 */
record LineChange(int oldStart, int oldSize, int newStart, int newSize) {

  /** The index just past the old lines. */
  int oldEnd() {
    return oldStart + oldSize;
  }

  /** The index just past the new lines. */
  int newEnd() {
    return newStart + newSize;
  }
}
