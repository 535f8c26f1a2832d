package dev.kubegenerate.diff;

import java.util.List;

/**
 * Writes line changes as unified-diff hunks exactly as {@code git diff} does.
 *
 * <p>Written here rather than with {@code UnifiedDiffUtils} because that one drops the {@code \ No
 * newline at end of file} marker and numbers empty sides differently from git, and both break
 * {@code git apply} on the edge cases the check must handle.
 */
final class UnifiedHunks {

  private UnifiedHunks() {}

  /**
   * Appends the hunks turning {@code before} into {@code after} to {@code out}. The changes may
   * come from other lists of the same lengths (the unmasked texts); the lines printed are these.
   */
  static void write(
      List<String> before,
      List<String> after,
      List<LineChange> changes,
      int context,
      StringBuilder out) {
    int first = 0;
    while (first < changes.size()) {
      // changes closer than two contexts share a hunk, so no context line is printed twice
      int last = first;
      while (last + 1 < changes.size()
          && changes.get(last + 1).oldStart() - end(changes.get(last)) <= 2 * context) {
        last++;
      }
      writeHunk(before, after, changes.subList(first, last + 1), context, out);
      first = last + 1;
    }
  }

  private static void writeHunk(
      List<String> before,
      List<String> after,
      List<LineChange> hunk,
      int context,
      StringBuilder out) {
    LineChange head = hunk.get(0);
    LineChange tail = hunk.get(hunk.size() - 1);
    int leading = Math.min(context, head.oldStart());
    int trailing = Math.min(context, before.size() - end(tail));
    int oldStart = head.oldStart() - leading;
    int oldCount = end(tail) + trailing - oldStart;
    int newStart = head.newStart() - leading;
    int newCount = tail.newEnd() + trailing - newStart;
    out.append("@@ -").append(range(oldStart, oldCount));
    out.append(" +").append(range(newStart, newCount)).append(" @@\n");
    int cursor = oldStart;
    for (LineChange change : hunk) {
      for (; cursor < change.oldStart(); cursor++) {
        line(' ', before.get(cursor), out);
      }
      for (int i = 0; i < change.oldSize(); i++) {
        line('-', before.get(change.oldStart() + i), out);
      }
      for (int i = 0; i < change.newSize(); i++) {
        line('+', after.get(change.newStart() + i), out);
      }
      cursor = end(change);
    }
    for (; cursor < end(tail) + trailing; cursor++) {
      line(' ', before.get(cursor), out);
    }
  }

  /**
   * {@code start,count} with git's conventions: ",1" left out, an empty side names the line before.
   */
  private static String range(int start, int count) {
    if (count == 0) {
      return start + ",0";
    }
    return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
  }

  private static void line(char prefix, String line, StringBuilder out) {
    out.append(prefix);
    if (line.endsWith("\n")) {
      out.append(line);
    } else {
      out.append(line).append("\n\\ No newline at end of file\n");
    }
  }

  private static int end(LineChange change) {
    return change.oldEnd();
  }
}
