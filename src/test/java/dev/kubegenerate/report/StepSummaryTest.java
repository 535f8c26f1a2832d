package dev.kubegenerate.report;

import static dev.kubegenerate.report.ReportFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StepSummaryTest {

  @Test
  void render_everyKind_resultLineTableFixAndCollapsedDiffs() {
    String html = Html.of(StepSummary.render(ReportFixtures.everyKind()));

    assertTrue(
        html.startsWith(
            "<h3>❌ kube-generate: 5 manifests fail the check</h3>\n<p>7 files"
                + " checked: 1 hand-edited, 1 stale, 1 missing, 1 unmanaged, 1 orphaned, 1 ok,"
                + " 1 handwritten.</p>\n<table>"),
        html);
    assertEquals(
        List.of(
            List.of("Status", "File", "Lines", "Verdict"),
            List.of("hand-edited", "kubernetes/production/deployment-web.yaml", "12", "❌ fails"),
            List.of("stale", "kubernetes/qa/deployment-web.yaml", "12", "❌ fails"),
            List.of("missing", "kubernetes/sandbox/namespace.yaml", "", "❌ fails"),
            List.of("unmanaged", "kubernetes/qa/extra.yaml", "", "❌ fails"),
            List.of("orphaned", "kubernetes/qa/cronjob-old.yaml", "", "❌ fails"),
            // what merging the regeneration of the stale file does (SPEC §8.4)
            List.of("Cluster", "Object", "Change", "Pods restart", "Immutable fields"),
            List.of("qa", "Deployment shop/web", "updated", "yes", "")),
        rows(html));
    assertTrue(
        html.contains(
            "<p><strong>What regenerating the stale and outdated files changes:</strong> 1 object"
                + " changes in 1 cluster; pods of web restart; nothing is deleted; nothing"
                + " immutable.</p>"),
        html);
    assertTrue(
        html.contains("<pre><code class=\"language-sh\">kube-generate --update\n</code></pre>"));
    assertEquals(
        List.of(
            "kubernetes/production/deployment-web.yaml (hand-edited)",
            "kubernetes/qa/deployment-web.yaml (stale)",
            "kubernetes/sandbox/namespace.yaml (missing)",
            "kubernetes/qa/cronjob-old.yaml (orphaned)"),
        summaries(html));
    assertEquals(4, count(html, "<pre><code class=\"language-diff\">--- "));
    assertFalse(html.contains("Left out"));
  }

  @Test
  void render_warningsOnly_passesWithWarnings() {
    Report report =
        ReportFixtures.report(
            java.util.EnumSet.of(Status.MISSING),
            List.of(file("kubernetes/qa/extra.yaml", Status.UNMANAGED, null)));

    String html = Html.of(StepSummary.render(report));

    assertTrue(html.startsWith("<h3>✅ kube-generate: the check passes, with warnings</h3>"), html);
    assertEquals(
        List.of("unmanaged", "kubernetes/qa/extra.yaml", "", "⚠️ warns"), rows(html).get(1));
  }

  @Test
  void render_clean_resultLineOnly() {
    assertEquals(
        "### ✅ kube-generate: every manifest matches its config\n\n" + "1 file checked: 1 ok.\n\n",
        StepSummary.render(ReportFixtures.clean()));
  }

  @Test
  void render_error_listsProblems() {
    String html = Html.of(StepSummary.render(ReportFixtures.error()));

    assertEquals(
        "<h3>❌ kube-generate: the manifests could not be checked</h3>\n"
            + "<p>0 files checked.</p>\n<ul>\n<li>kube-generate.yaml:3:5: unknown template"
            + " 'autoscal' (did you mean autoscale?)</li>\n</ul>\n",
        html);
  }

  @Test
  void render_markdownInFileName_showsAsWritten() {
    String path = "kubernetes/qa/a|b <script>alert(1)</script> *x* `y` [l](e) @team.yaml";
    Report report =
        ReportFixtures.report(
            Status.defaultFailOn(),
            List.of(file(path, Status.ORPHANED, "--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-```\n")));

    String html = Html.of(StepSummary.render(report));

    assertEquals(
        List.of(
            "orphaned",
            path.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
            "",
            "❌ fails"),
        rows(html).get(1));
    assertFalse(html.contains("<script>"));
    assertFalse(html.contains("<a href"));
    assertEquals(
        List.of(
            "kubernetes/qa/a|b &lt;script&gt;alert(1)&lt;/script&gt; *x* `y`"
                + " [l](e) &#64;team.yaml (orphaned)"),
        summaries(html));
    assertTrue(
        html.contains(
            "<pre><code class=\"language-diff\">--- a/x\n+++ /dev/null\n"
                + "@@ -1 +0,0 @@\n-```\n</code></pre>"),
        "a fence in the diff does not close the block");
  }

  @Test
  void render_justOverLimit_leavesDiffsOutWithNote() {
    int whole =
        StepSummary.render(ReportFixtures.everyKind()).getBytes(StandardCharsets.UTF_8).length;

    String md = StepSummary.render(ReportFixtures.everyKind(), whole - 1);

    assertTrue(md.getBytes(StandardCharsets.UTF_8).length < whole);
    String html = Html.of(md);
    assertEquals(
        5 + 2, rows(html).size() - 1, "the tables keep every finding and the impact's object");
    int shown = summaries(html).size();
    assertTrue(shown >= 1 && shown < 4, shown + " diffs shown");
    assertEquals(
        List.of("kubernetes/production/deployment-web.yaml (hand-edited)"),
        summaries(html).subList(0, 1),
        "the most important diff stays");
    int left = 4 - shown;
    assertTrue(
        md.endsWith(
            "> [!NOTE]\n> Left out to stay within GitHub's size limit for a job"
                + " summary: the diffs of "
                + left
                + (left == 1 ? " file" : " files")
                + ". Run"
                + " `kube-generate check` locally, or read the JSON report (output `report`), for every"
                + " finding and diff.\n"),
        md);
  }

  @Test
  void render_hugeReport_staysUnderOneMebibyte() {
    List<FileResult> files = new ArrayList<>();
    String big = "-  note: " + "ä".repeat(600) + "\n";
    for (int i = 0; i < 4000; i++) {
      String path = String.format("kubernetes/qa/deployment-%04d.yaml", i);
      files.add(file(path, Status.STALE, ReportFixtures.diff(path) + big.repeat(2)));
    }

    String md = StepSummary.render(ReportFixtures.report(Status.defaultFailOn(), files));

    int bytes = md.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes <= StepSummary.LIMIT_BYTES, bytes + " bytes");
    assertTrue(bytes > StepSummary.LIMIT_BYTES - 8000, "uses the room it has: " + bytes);
    Matcher note =
        Pattern.compile(
                "summary: (?:(\\d+) rows of the table and )?the diffs of (\\d+)" + " files\\.")
            .matcher(md);
    assertTrue(note.find(), md.substring(md.length() - 400));
    String html = Html.of(md);
    int rowsLeft = note.group(1) == null ? 0 : Integer.parseInt(note.group(1));
    assertEquals(4000, rows(html).size() - 1 + rowsLeft);
    assertEquals(4000, summaries(html).size() + Integer.parseInt(note.group(2)));
  }

  static List<List<String>> rows(String html) {
    List<List<String>> rows = new ArrayList<>();
    Matcher tr = Pattern.compile("<tr>\n(.*?)</tr>", Pattern.DOTALL).matcher(html);
    while (tr.find()) {
      Matcher td = Pattern.compile("<t[hd]>(.*?)</t[hd]>").matcher(tr.group(1));
      List<String> cells = new ArrayList<>();
      while (td.find()) {
        cells.add(td.group(1));
      }
      rows.add(cells);
    }
    return rows;
  }

  static List<String> summaries(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<details><summary>(.*?)</summary>\n<pre>").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }
}
