package dev.kubegenerate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TextDiffTest {

  private static final ManifestPath PATH = ManifestPath.of("kubernetes/qa/deployment-web.yaml");

  @Test
  void compute_equalTexts_noDiff() {
    assertEquals(DiffResult.EQUAL, TextDiff.compute(PATH, "a\n", "a\n"));
    assertEquals(DiffResult.EQUAL, TextDiff.compute(PATH, Optional.empty(), Optional.empty()));
    assertFalse(TextDiff.compute(PATH, "", "").differs());
  }

  @Test
  void compute_oneChangedLine_threeLinesOfContextAsGitWrites() {
    DiffResult diff = TextDiff.compute(PATH, numbered(10), numbered(10).replace("l5\n", "L5\n"));
    assertEquals(
        """
        --- a/kubernetes/qa/deployment-web.yaml
        +++ b/kubernetes/qa/deployment-web.yaml
        @@ -2,7 +2,7 @@
         l2
         l3
         l4
        -l5
        +L5
         l6
         l7
         l8
        """,
        diff.unified());
    assertEquals(List.of(new LineRange(5, 5)), diff.lines());
  }

  @Test
  void compute_changesFarApart_twoHunksAndTwoRanges() {
    String expected = numbered(20).replace("l2\n", "L2\n").replace("l15\n", "L15\n");
    DiffResult diff = TextDiff.compute(PATH, numbered(20), expected);
    assertEquals(
        List.of("@@ -1,5 +1,5 @@", "@@ -12,7 +12,7 @@"),
        diff.unified().lines().filter(l -> l.startsWith("@@")).toList());
    assertEquals(List.of(new LineRange(2, 2), new LineRange(15, 15)), diff.lines());
  }

  @Test
  void compute_changesSixLinesApart_oneHunk() {
    String expected = numbered(20).replace("l5\n", "L5\n").replace("l12\n", "L12\n");
    DiffResult diff = TextDiff.compute(PATH, numbered(20), expected);
    assertEquals(
        List.of("@@ -2,14 +2,14 @@"),
        diff.unified().lines().filter(l -> l.startsWith("@@")).toList());
    assertEquals(List.of(new LineRange(5, 5), new LineRange(12, 12)), diff.lines());
  }

  @Test
  void compute_missingFile_devNullAndNoLines() {
    DiffResult diff = TextDiff.compute(PATH, Optional.empty(), Optional.of("a\nb\n"));
    assertEquals(
        "--- /dev/null\n+++ b/kubernetes/qa/deployment-web.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n",
        diff.unified());
    assertEquals(List.of(), diff.lines());
  }

  @Test
  void compute_orphanedFile_devNullAndWholeFile() {
    DiffResult diff = TextDiff.compute(PATH, Optional.of("a\nb\n"), Optional.empty());
    assertEquals(
        "--- a/kubernetes/qa/deployment-web.yaml\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n",
        diff.unified());
    assertEquals(List.of(new LineRange(1, 2)), diff.lines());
  }

  @Test
  void compute_emptyCommittedFile_insertionOnLineOne() {
    DiffResult diff = TextDiff.compute(PATH, "", "a\n");
    assertEquals(
        "--- a/kubernetes/qa/deployment-web.yaml\n+++ b/kubernetes/qa/deployment-web.yaml\n"
            + "@@ -0,0 +1 @@\n+a\n",
        diff.unified());
    assertEquals(List.of(new LineRange(1, 1)), diff.lines());
  }

  @Test
  void compute_oneLineWithoutNewlines_bothMarked() {
    assertEquals(
        "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n",
        hunks(TextDiff.compute(PATH, "a", "b")));
  }

  @Test
  void compute_missingFinalNewline_lastLineChanged() {
    DiffResult diff = TextDiff.compute(PATH, "a\nb", "a\nb\n");
    assertEquals("@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n", hunks(diff));
    assertEquals(List.of(new LineRange(2, 2)), diff.lines());
  }

  @Test
  void compute_unchangedLastLineWithoutNewline_markedInContext() {
    assertEquals(
        "@@ -1,2 +1,2 @@\n-a\n+A\n b\n\\ No newline at end of file\n",
        hunks(TextDiff.compute(PATH, "a\nb", "A\nb")));
  }

  @Test
  void compute_crlfToLf_everyLineChangedCarriageReturnsKept() {
    DiffResult diff = TextDiff.compute(PATH, "a\r\nb\r\n", "a\nb\n");
    assertEquals("@@ -1,2 +1,2 @@\n-a\r\n-b\r\n+a\n+b\n", hunks(diff));
    assertEquals(List.of(new LineRange(1, 2)), diff.lines());
  }

  @Test
  void compute_byteOrderMark_firstLineChanged() {
    DiffResult diff = TextDiff.compute(PATH, "\uFEFFa\nb\n", "a\nb\n");
    assertEquals("@@ -1,2 +1,2 @@\n-\uFEFFa\n+a\n b\n", hunks(diff));
    assertEquals(List.of(new LineRange(1, 1)), diff.lines());
  }

  @Test
  void compute_pureInsertions_placedOnTheLineBeforeOrLineOne() {
    assertEquals(
        List.of(new LineRange(3, 3)),
        TextDiff.compute(PATH, numbered(6), numbered(6).replace("l3\n", "l3\nnew\n")).lines());
    assertEquals(
        List.of(new LineRange(1, 1)),
        TextDiff.compute(PATH, numbered(6), "new\n" + numbered(6)).lines());
    assertEquals(
        List.of(new LineRange(6, 6)),
        TextDiff.compute(PATH, numbered(6), numbered(6) + "new\n").lines());
  }

  @Test
  void compute_adjacentChanges_rangesMerged() {
    // line 2 deleted, line 3 kept, a line inserted after it: [2,2] and [3,3] touch
    String expected = numbered(8).replace("l2\n", "").replace("l3\n", "l3\nnew\n");
    assertEquals(
        List.of(new LineRange(2, 3)), TextDiff.compute(PATH, numbered(8), expected).lines());
  }

  @Test
  void compute_unusualPathNames_quotedAsGitDoes() {
    assertEquals(
        "--- a/k/my file.yaml\t\n+++ b/k/my file.yaml\t\n",
        headers(TextDiff.compute(ManifestPath.of("k/my file.yaml"), "a\n", "b\n")));
    assertEquals(
        "--- \"a/k/caf\\303\\251.yaml\"\n+++ \"b/k/caf\\303\\251.yaml\"\n",
        headers(TextDiff.compute(ManifestPath.of("k/café.yaml"), "a\n", "b\n")));
  }

  @Test
  void computeShown_secretValueChanged_changeShownValueHiddenRangesTrue() {
    String committed = "kind: Secret\ndata:\n  password: b2xk\n  user: dXNlcg==\n";
    String expected = "kind: Secret\ndata:\n  password: bmV3\n  user: dXNlcg==\n";
    DiffResult diff =
        TextDiff.compute(PATH, Optional.of(committed), Optional.of(expected), SecretMask::mask);
    assertEquals(
        "@@ -1,4 +1,4 @@\n"
            + " kind: Secret\n"
            + " data:\n"
            + "-  password: ***\n"
            + "+  password: ***\n"
            + "   user: ***\n",
        hunks(diff));
    assertEquals(List.of(new LineRange(3, 3)), diff.lines());
  }

  @Test
  void computeShown_missingSecret_valuesHidden() {
    DiffResult diff =
        TextDiff.compute(
            PATH,
            Optional.empty(),
            Optional.of("kind: Secret\nstringData:\n  a: b\n"),
            SecretMask::mask);
    assertEquals("@@ -0,0 +1,3 @@\n+kind: Secret\n+stringData:\n+  a: ***\n", hunks(diff));
  }

  @Property(tries = 40)
  void compute_anyTwoTexts_gitApplyTurnsCommittedIntoExpected(
      @ForAll("texts") String committed, @ForAll("texts") String expected) throws Exception {
    DiffResult diff = TextDiff.compute(PATH, committed, expected);
    Path dir = Files.createTempDirectory("textdiff");
    try {
      GitRepo repo = GitRepo.folder(dir.resolve("tree"));
      repo.write(Map.of(PATH.value(), committed));
      if (diff.differs()) {
        repo.apply("diff --git a/" + PATH + " b/" + PATH + "\n" + diff.unified());
      }
      assertEquals(expected, repo.tree().get(PATH.value()));
    } finally {
      GitRepo.deleteTree(dir);
    }
  }

  @Property(tries = 300)
  void compute_anyTwoTexts_rangesSortedAndInsideTheCommittedFile(
      @ForAll("texts") String committed, @ForAll("texts") String expected) {
    List<LineRange> ranges = TextDiff.compute(PATH, committed, expected).lines();
    int lineCount = Math.max(1, TextDiff.lines(committed).size());
    assertEquals(committed.equals(expected), ranges.isEmpty());
    for (int i = 0; i < ranges.size(); i++) {
      assertTrue(ranges.get(i).end() <= lineCount, ranges + " beyond " + lineCount);
      assertTrue(i == 0 || ranges.get(i - 1).end() + 1 < ranges.get(i).start(), ranges.toString());
    }
  }

  @Property(tries = 300)
  void compute_singleLineEdit_reportedOnExactlyThatLine(
      @ForAll @IntRange(min = 1, max = 40) int size,
      @ForAll @IntRange(min = 0, max = 39) int edited) {
    int line = edited % size;
    List<String> lines = IntStream.range(0, size).mapToObj(i -> "key" + i + ": value\n").toList();
    List<String> changed = new ArrayList<>(lines);
    changed.set(line, "key" + line + ": edited\n");
    assertEquals(
        List.of(new LineRange(line + 1, line + 1)),
        TextDiff.compute(PATH, String.join("", changed), String.join("", lines)).lines());
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line =
        Arbitraries.of("a", "b", "c", "  d: 1", "", "e e")
            .flatMap(body -> Arbitraries.of("\n", "\n", "\r\n").map(end -> body + end));
    return line.list()
        .ofMaxSize(14)
        .flatMap(
            lines ->
                Arbitraries.of(true, false)
                    .map(
                        finalNewline -> {
                          String text = String.join("", lines);
                          return finalNewline || text.isEmpty()
                              ? text
                              : text.substring(0, text.length() - 1);
                        }));
  }

  private static String numbered(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> "l" + i + "\n")
        .collect(Collectors.joining());
  }

  private static String hunks(DiffResult diff) {
    String unified = diff.unified();
    return unified.substring(unified.indexOf("@@"));
  }

  private static String headers(DiffResult diff) {
    String unified = diff.unified();
    return unified.substring(0, unified.indexOf("@@"));
  }
}
