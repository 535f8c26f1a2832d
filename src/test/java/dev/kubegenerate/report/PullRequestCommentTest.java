package dev.kubegenerate.report;

import static dev.kubegenerate.report.ReportFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullRequestCommentTest {

  /** The example page the README links to; {@code -Ddocs.update=true} rewrites it. */
  private static final Path EXAMPLE = Path.of("docs/github-comment-example.html");

  @Test
  void marker_namesTheWorkingDirectory() {
    assertEquals("<!-- kube-generate:check working-directory=. -->", PullRequestComment.marker(""));
    assertEquals(
        "<!-- kube-generate:check working-directory=. -->", PullRequestComment.marker("."));
    assertEquals(
        "<!-- kube-generate:check working-directory=apps/web -->",
        PullRequestComment.marker("apps/web"));
  }

  @Test
  void marker_cannotEndTheHiddenCommentEarly() {
    assertEquals(
        "<!-- kube-generate:check working-directory=a--%3Eb%0A%20c%C3%BC -->",
        PullRequestComment.marker("a-->b\n cü"));
  }

  @Test
  void render_findings_markerFirstAndHidden() {
    String body = PullRequestComment.render(ReportFixtures.everyKind(), "apps/web");

    assertTrue(
        body.startsWith(
            "<!-- kube-generate:check working-directory=apps/web -->\n"
                + "<sub>Working directory: apps/web</sub>\n\n### ❌ kube-generate: 5 manifests fail"));
    String html = Html.of(body);
    assertTrue(
        html.startsWith("<!-- kube-generate:check working-directory=apps/web -->\n<p><sub>"),
        "the marker stays an HTML comment, which GitHub does not show: " + html);
    // the findings and, for the stale file, the impact's object, each table with its header
    assertEquals(6 + 2, StepSummaryTest.rows(html).size());
    assertEquals(4, StepSummaryTest.summaries(html).size());
  }

  @Test
  void render_onlyOutdated_passesWithAWarningAndSaysTheScheduledUpdateRefreshesIt() {
    String path = "kubernetes/qa/deployment-web.yaml";
    String body =
        PullRequestComment.render(
            ReportFixtures.report(
                Status.defaultFailOn(),
                List.of(
                    file(
                        path,
                        Status.OUTDATED,
                        ReportFixtures.diff(path),
                        new dev.kubegenerate.model.LineRange(12, 12)))),
            ".");

    assertTrue(body.contains("### ✅ kube-generate: the check passes, with warnings\n"), body);
    assertTrue(body.contains("| outdated | " + path + " | 12 | ⚠️ warns |"), body);
    assertTrue(body.contains("The scheduled kube-generate update refreshes them"), body);
    assertTrue(body.contains("```sh\nkube-generate --update\n```"), body);
  }

  @Test
  void render_hugeReport_fitsGitHubsCommentLimit() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String path = String.format("kubernetes/qa/deployment-%03d.yaml", i);
      files.add(file(path, Status.HAND_EDITED, ReportFixtures.diff(path) + "-x\n".repeat(100)));
    }

    String body =
        PullRequestComment.render(ReportFixtures.report(Status.defaultFailOn(), files), ".");

    assertTrue(body.length() <= PullRequestComment.LIMIT_CHARS, body.length() + " chars");
    assertEquals(300, StepSummaryTest.rows(Html.of(body)).size() - 1);
    int shown = StepSummaryTest.summaries(Html.of(body)).size();
    assertTrue(
        body.endsWith(
            "> [!NOTE]\n> Left out to stay within GitHub's size limit for a"
                + " pull-request comment: the diffs of "
                + (300 - shown)
                + " files. Run `kube-generate"
                + " check` locally, or read the JSON report (output `report`), for every finding and"
                + " diff.\n"),
        body.substring(body.length() - 300));
  }

  @Test
  void resolved_saysTheFindingsAreFixed() {
    assertEquals(
        "<!-- kube-generate:check working-directory=. -->\n"
            + "### ✅ kube-generate: every manifest matches its config\n\n"
            + "1 file checked. The findings reported earlier on this pull request are fixed.\n",
        PullRequestComment.resolved(ReportFixtures.clean(), "."));
  }

  @Test
  void render_everyKind_matchesTheCommittedExamplePage() throws Exception {
    String page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>kube-generate: what reviewers see on a pull request</title>\n"
            + "<style>body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;"
            + "max-width:900px;margin:2em auto;line-height:1.5}table{border-collapse:collapse}"
            + "td,th{border:1px solid #d0d7de;padding:4px 12px}pre{background:#f6f8fa;padding:12px}"
            + "details{margin:.5em 0}summary{cursor:pointer}</style>\n</head>\n<body>\n"
            + "<!-- generated by PullRequestCommentTest from the markdown of a report with one file"
            + " of each kind; the job summary shows the same without the hidden marker -->\n"
            + Html.of(PullRequestComment.render(ReportFixtures.everyKind(), "."))
            + "</body>\n</html>\n";
    if (Boolean.getBoolean("docs.update")) {
      Files.createDirectories(EXAMPLE.getParent());
      Files.writeString(EXAMPLE, page, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(EXAMPLE), "run with -Ddocs.update=true to write " + EXAMPLE);
    assertEquals(Files.readString(EXAMPLE, StandardCharsets.UTF_8), page);
    assertFalse(page.contains("\r"));
  }
}
