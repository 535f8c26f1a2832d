package dev.kubegenerate.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.ManifestPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unified diffs of one committed file against its expected text, in the spirit of java-diff-utils'
 * {@code DiffUtils}: a static facade returning a value.
 *
 * <p>An absent side ({@link Optional#empty()}) is a file that does not exist and is written as
 * {@code /dev/null}; an empty string is a file that exists and is empty. Lines are compared with
 * their line terminator, so a changed line ending (CRLF to LF) or a missing final newline is a
 * change, and a carriage return stays part of the line it ends: a patch built from the diff applies
 * to the file byte for byte.
 */
public final class TextDiff {

  /** Lines of context around each change, as {@code git diff} and GNU diff use. */
  public static final int CONTEXT = 3;

  private TextDiff() {}

  /** Diffs two files that both exist. */
  public static DiffResult compute(ManifestPath path, String committed, String expected) {
    return compute(path, Optional.of(committed), Optional.of(expected));
  }

  /**
   * Diffs {@code committed} against {@code expected}; either may be absent (a missing or an
   * orphaned file). Equal sides, or two absent ones, give {@link DiffResult#EQUAL}.
   */
  public static DiffResult compute(
      ManifestPath path, Optional<String> committed, Optional<String> expected) {
    return compute(path, committed, expected, text -> text);
  }

  /**
   * Diffs the real texts but shows them through {@code shown}, which must keep every line where it
   * is ({@link SecretMask#mask}): a changed Secret value still shows as a changed line, masked.
   */
  public static DiffResult compute(
      ManifestPath path,
      Optional<String> committed,
      Optional<String> expected,
      java.util.function.UnaryOperator<String> shown) {
    if (committed.equals(expected)) {
      return DiffResult.EQUAL;
    }
    List<String> realBefore = lines(committed.orElse(""));
    List<String> realAfter = lines(expected.orElse(""));
    List<AbstractDelta<String>> deltas = DiffUtils.diff(realBefore, realAfter).getDeltas();
    List<String> before = lines(shown.apply(committed.orElse("")));
    List<String> after = lines(shown.apply(expected.orElse("")));
    if (before.size() != realBefore.size() || after.size() != realAfter.size()) {
      throw new IllegalArgumentException("the shown text must keep the lines of the real one");
    }
    String oldName = committed.isPresent() ? GitPath.quoted("a/", path) : "/dev/null";
    String newName = expected.isPresent() ? GitPath.quoted("b/", path) : "/dev/null";
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName);
    out.append(committed.isPresent() ? GitPath.headerSuffix(path) : "").append('\n');
    out.append("+++ ").append(newName);
    out.append(expected.isPresent() ? GitPath.headerSuffix(path) : "").append('\n');
    UnifiedHunks.write(before, after, deltas, CONTEXT, out);
    List<LineRange> ranges = committed.isPresent() ? changedLines(deltas) : List.of();
    return new DiffResult(out.toString(), ranges);
  }

  /**
   * Splits text into lines that keep their {@code \n}; the last line lacks it when the text has no
   * final newline. An empty text has no lines.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      lines.add(text.substring(start, next));
      start = next;
    }
    return lines;
  }

  /**
   * The committed file's lines touched by each change, merged where they touch. A pure insertion is
   * placed on the line it follows (line 1 at the very top, and for an empty file, which editors and
   * GitHub show as one empty line).
   */
  private static List<LineRange> changedLines(List<AbstractDelta<String>> deltas) {
    List<LineRange> ranges = new ArrayList<>();
    for (AbstractDelta<String> delta : deltas) {
      int position = delta.getSource().getPosition();
      int size = delta.getSource().size();
      LineRange range =
          size > 0
              ? new LineRange(position + 1, position + size)
              : new LineRange(Math.max(position, 1), Math.max(position, 1));
      int last = ranges.size() - 1;
      if (last >= 0 && ranges.get(last).end() + 1 >= range.start()) {
        LineRange previous = ranges.get(last);
        ranges.set(last, new LineRange(previous.start(), Math.max(previous.end(), range.end())));
      } else {
        ranges.add(range);
      }
    }
    return ranges;
  }
}
