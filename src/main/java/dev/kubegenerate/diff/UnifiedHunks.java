package dev.kubegenerate.diff;

import com.github.difflib.patch.AbstractDelta;
import java.util.List;

/**
 * Writes java-diff-utils deltas as unified-diff hunks exactly as {@code git diff} does.
 *
 * <p>Written here rather than with {@code UnifiedDiffUtils} because that one drops the {@code \ No
 * newline at end of file} marker and numbers empty sides differently from git, and both break
 * {@code git apply} on the edge cases the check must handle.
 */
final class UnifiedHunks {

  private UnifiedHunks() {}

  /** Appends the hunks turning {@code before} into {@code after} to {@code out}. */
  static void write(
      List<String> before,
      List<String> after,
      List<AbstractDelta<String>> deltas,
      int context,
      StringBuilder out) {
    int first = 0;
    while (first < deltas.size()) {
      // deltas closer than two contexts share a hunk, so no context line is printed twice
      int last = first;
      while (last + 1 < deltas.size()
          && deltas.get(last + 1).getSource().getPosition() - end(deltas.get(last))
              <= 2 * context) {
        last++;
      }
      writeHunk(before, after, deltas.subList(first, last + 1), context, out);
      first = last + 1;
    }
  }

  private static void writeHunk(
      List<String> before,
      List<String> after,
      List<AbstractDelta<String>> hunk,
      int context,
      StringBuilder out) {
    AbstractDelta<String> head = hunk.get(0);
    AbstractDelta<String> tail = hunk.get(hunk.size() - 1);
    int leading = Math.min(context, head.getSource().getPosition());
    int trailing = Math.min(context, before.size() - end(tail));
    int oldStart = head.getSource().getPosition() - leading;
    int oldCount = end(tail) + trailing - oldStart;
    int newStart = head.getTarget().getPosition() - leading;
    int newCount = tail.getTarget().getPosition() + tail.getTarget().size() + trailing - newStart;
    out.append("@@ -").append(range(oldStart, oldCount));
    out.append(" +").append(range(newStart, newCount)).append(" @@\n");
    int cursor = oldStart;
    for (AbstractDelta<String> delta : hunk) {
      for (; cursor < delta.getSource().getPosition(); cursor++) {
        line(' ', before.get(cursor), out);
      }
      // the lines shown come from before/after, which may be masked copies of what was diffed
      int sourceAt = delta.getSource().getPosition();
      int targetAt = delta.getTarget().getPosition();
      before.subList(sourceAt, sourceAt + delta.getSource().size()).forEach(l -> line('-', l, out));
      after.subList(targetAt, targetAt + delta.getTarget().size()).forEach(l -> line('+', l, out));
      cursor = end(delta);
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

  private static int end(AbstractDelta<String> delta) {
    return delta.getSource().getPosition() + delta.getSource().size();
  }
}
