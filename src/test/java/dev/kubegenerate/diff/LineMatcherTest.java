package dev.kubegenerate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LineMatcherTest {

  @Test
  void changes_everyLineMovedPastTheBudget_oneChangeBetweenCommonHeadAndTail() {
    int n = 3000;
    List<String> before = IntStream.range(0, n).mapToObj(i -> "line " + i).toList();
    List<String> after =
        IntStream.range(0, n)
            .mapToObj(i -> i == 0 || i == n - 1 ? "line " + i : "line " + (i * 7919) % n)
            .toList();
    assertEquals(
        List.of(new LineChange(1, n - 2, 1, n - 2)), LineMatcher.changes(before, after, 1000));
  }

  @Test
  void changes_linesOnOneSideOnly_noWorkSpent() {
    List<String> before = IntStream.range(0, 5000).mapToObj(i -> i + "\r\n").toList();
    List<String> after = IntStream.range(0, 5000).mapToObj(i -> i + "\n").toList();
    // a budget of one comparison: the set-aside lines must not need any
    assertEquals(List.of(new LineChange(0, 5000, 0, 5000)), LineMatcher.changes(before, after, 1));
  }

  @Property(tries = 500)
  void changes_anyLists_changesCoverExactlyTheLinesThatDiffer(
      @ForAll("lines") List<String> before, @ForAll("lines") List<String> after) {
    assertCovers(before, after, LineMatcher.changes(before, after));
    assertCovers(before, after, LineMatcher.changes(before, after, 3));
  }

  /** Between and around the changes, both sides hold the same lines in the same order. */
  private static void assertCovers(
      List<String> before, List<String> after, List<LineChange> changes) {
    int i = 0;
    int j = 0;
    for (LineChange c : changes) {
      assertTrue(c.oldStart() - i == c.newStart() - j && c.oldStart() >= i, changes.toString());
      assertEquals(before.subList(i, c.oldStart()), after.subList(j, c.newStart()));
      i = c.oldEnd();
      j = c.newEnd();
    }
    assertEquals(before.subList(i, before.size()), after.subList(j, after.size()));
  }

  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.of("a", "b", "c", "d", "e\r", "").list().ofMaxSize(25);
  }
}
