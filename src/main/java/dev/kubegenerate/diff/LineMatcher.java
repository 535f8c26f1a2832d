package dev.kubegenerate.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Finds the changes between two lists of lines with java-diff-utils' linear-space Myers diff.
 *
 * <p>Lines found on one side only are set aside first (GNU diff does the same): they never match,
 * and without them a file whose every line changed (a CRLF conversion, a rewrite) costs next to
 * nothing. Myers' time still grows with length times changes, so a committed file built to be slow
 * (every line moved) could stall the check; past a fixed budget of line comparisons the diff falls
 * back to one change between the common head and tail: coarser, still exact.
 */
final class LineMatcher {

  /**
   * Line comparisons allowed before falling back: under a second on a busy runner, and far more
   * than a real edit needs (a 2,000-line file with 200 scattered changes takes under a million).
   */
  static final long BUDGET = 20_000_000L;

  private LineMatcher() {}

  /** The changes turning {@code before} into {@code after}, in order. */
  static List<LineChange> changes(List<String> before, List<String> after) {
    return changes(before, after, BUDGET);
  }

  /** As {@link #changes(List, List)} with a given budget of comparisons. */
  static List<LineChange> changes(List<String> before, List<String> after, long budget) {
    Map<String, Integer> ids = new HashMap<>();
    int[] oldIds = ids(before, ids);
    int sharedFrom = ids.size();
    int[] newIds = ids(after, ids);
    boolean[] inAfter = new boolean[sharedFrom];
    for (int id : newIds) {
      if (id < sharedFrom) {
        inAfter[id] = true;
      }
    }
    List<Integer> keptBefore = new ArrayList<>();
    List<Integer> keptAfter = new ArrayList<>();
    for (int i = 0; i < oldIds.length; i++) {
      if (inAfter[oldIds[i]]) {
        keptBefore.add(i);
      }
    }
    for (int j = 0; j < newIds.length; j++) {
      if (newIds[j] < sharedFrom) {
        keptAfter.add(j);
      }
    }
    List<AbstractDelta<Integer>> deltas;
    try {
      deltas =
          DiffUtils.diff(
                  keptBefore.stream().map(i -> oldIds[i]).toList(),
                  keptAfter.stream().map(j -> newIds[j]).toList(),
                  new MyersDiffWithLinearSpace<>(counting(budget)))
              .getDeltas();
    } catch (OverBudget e) {
      return coarse(oldIds, newIds);
    }
    return anchored(deltas, keptBefore, keptAfter, oldIds.length, newIds.length);
  }

  /** The reduced lists' equal lines are anchors; everything between two anchors changed. */
  private static List<LineChange> anchored(
      List<AbstractDelta<Integer>> deltas,
      List<Integer> keptBefore,
      List<Integer> keptAfter,
      int oldSize,
      int newSize) {
    List<LineChange> changes = new ArrayList<>();
    int i = 0;
    int j = 0;
    int previousOld = 0;
    int previousNew = 0;
    for (int d = 0; d <= deltas.size(); d++) {
      int until = d < deltas.size() ? deltas.get(d).getSource().getPosition() : keptBefore.size();
      for (; i < until; i++, j++) {
        int oldIndex = keptBefore.get(i);
        int newIndex = keptAfter.get(j);
        add(changes, previousOld, oldIndex, previousNew, newIndex);
        previousOld = oldIndex + 1;
        previousNew = newIndex + 1;
      }
      if (d < deltas.size()) {
        i += deltas.get(d).getSource().size();
        j += deltas.get(d).getTarget().size();
      }
    }
    add(changes, previousOld, oldSize, previousNew, newSize);
    return changes;
  }

  /** One change between the common head and the common tail. */
  private static List<LineChange> coarse(int[] before, int[] after) {
    int head = 0;
    while (head < before.length && head < after.length && before[head] == after[head]) {
      head++;
    }
    int tail = 0;
    while (tail < before.length - head
        && tail < after.length - head
        && before[before.length - 1 - tail] == after[after.length - 1 - tail]) {
      tail++;
    }
    List<LineChange> changes = new ArrayList<>();
    add(changes, head, before.length - tail, head, after.length - tail);
    return changes;
  }

  private static int[] ids(List<String> lines, Map<String, Integer> ids) {
    int[] out = new int[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.computeIfAbsent(lines.get(i), k -> ids.size());
    }
    return out;
  }

  private static BiPredicate<Integer, Integer> counting(long budget) {
    long[] spent = {0};
    return (a, b) -> {
      if (++spent[0] > budget) {
        throw new OverBudget();
      }
      return a.intValue() == b.intValue();
    };
  }

  private static void add(
      List<LineChange> changes, int oldFrom, int oldTo, int newFrom, int newTo) {
    if (oldTo > oldFrom || newTo > newFrom) {
      changes.add(new LineChange(oldFrom, oldTo - oldFrom, newFrom, newTo - newFrom));
    }
  }

  /** Thrown from inside the diff to stop it; never leaves this class. */
  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }
}
