package dev.kubegenerate.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The comment (65,536 characters) and the job summary (1 MiB) stay within GitHub's limits whatever
 * the input: every section is budgeted, errors included, and what is left out is named.
 */
class GitHubSizeLimitsTest {

  private static List<Problem> errors(int count, Function<Integer, String> message) {
    List<Problem> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new Problem("kube-generate.yaml", i + 4, 5, message.apply(i)));
    }
    return out;
  }

  private static List<FileResult> findings(int count, int diffChars) {
    List<FileResult> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String path = "kubernetes/qa/" + "é".repeat(40) + "-" + i + ".yaml";
      out.add(
          ReportFixtures.file(
              path,
              Status.HAND_EDITED,
              ReportFixtures.diff(path) + "+" + "ü".repeat(diffChars) + "\n",
              new LineRange(3, 3)));
    }
    return out;
  }

  private static void assertWithinLimits(Report report, String leftOut) {
    String comment = PullRequestComment.render(report, "apps/" + "x".repeat(200));
    String summary = StepSummary.render(report, "apps/x");
    assertTrue(comment.length() <= PullRequestComment.LIMIT_CHARS, "comment: " + comment.length());
    assertTrue(
        summary.getBytes(StandardCharsets.UTF_8).length <= StepSummary.LIMIT_BYTES,
        "summary: " + summary.getBytes(StandardCharsets.UTF_8).length);
    assertTrue(comment.startsWith(PullRequestComment.marker("apps/" + "x".repeat(200))));
    assertTrue(
        comment.contains("Left out") && comment.contains(leftOut),
        comment.substring(comment.length() - 400));
  }

  @Test
  void thirtySevenThousandConfigErrors_commentAndSummaryWithinLimits() {
    Report report =
        new Report(
            List.of(),
            errors(
                37_000,
                i -> "unknown template \"x" + i + "\"; `kube-generate templates` lists them"),
            Status.defaultFailOn(),
            ReportFixtures.FIX);
    assertWithinLimits(report, "errors");
  }

  @Test
  void oneHugeErrorMessage_cutAndWithinLimits() {
    Report report =
        new Report(
            List.of(),
            errors(3, i -> "unknown key \"" + "k".repeat(2_000_000) + "\""),
            Status.defaultFailOn(),
            ReportFixtures.FIX);
    String comment = PullRequestComment.render(report, ".");
    assertTrue(comment.length() <= PullRequestComment.LIMIT_CHARS, "comment: " + comment.length());
    assertTrue(comment.contains(" …"), comment.substring(0, 300));
  }

  @Test
  void errorsAndThousandsOfHugeFindings_withinLimitsAndTheTableStillListsSome() {
    Report report =
        new Report(
            findings(5_000, 3_000),
            errors(20_000, i -> "bad value " + i),
            Status.defaultFailOn(),
            ReportFixtures.FIX);
    assertWithinLimits(report, "rows of the table");
    assertTrue(PullRequestComment.render(report, ".").contains("| hand-edited |"));
  }
}
