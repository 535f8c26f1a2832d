package dev.kubegenerate.report;

import static dev.kubegenerate.report.SampleReport.file;
import static dev.kubegenerate.report.SampleReport.generated;
import static dev.kubegenerate.report.SampleReport.marker;
import static dev.kubegenerate.report.SampleReport.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextReportTest {

  private static final String BASE =
      "kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n";

  @Test
  void render_findings_tableThenDiffsThenCountsAndFix() {
    Report report =
        report(
            List.of(
                generated(
                    "kubernetes/qa/deployment-web.yaml",
                    Status.STALE,
                    marker("autoscale", BASE),
                    marker("autoscale", BASE.replace("2", "3"))),
                file(
                    "kubernetes/qa/service-web.yaml",
                    Status.MISSING,
                    Optional.of("autoscale"),
                    Optional.empty(),
                    Optional.of("kind: Service\n")),
                generated(
                    "kubernetes/sandbox/deployment-web.yaml",
                    Status.OK,
                    marker("autoscale", BASE),
                    marker("autoscale", BASE))));
    assertEquals(
        """
        STATUS   FILE                               LINES                 VERDICT
        stale    kubernetes/qa/deployment-web.yaml  7                     fails
        missing  kubernetes/qa/service-web.yaml     kube-generate.yaml:7  fails

        --- a/kubernetes/qa/deployment-web.yaml
        +++ b/kubernetes/qa/deployment-web.yaml
        @@ -4,4 +4,4 @@
         metadata:
           name: web
         spec:
        -  replicas: 2
        +  replicas: 3

        --- /dev/null
        +++ b/kubernetes/qa/service-web.yaml
        @@ -0,0 +1 @@
        +kind: Service

        2 findings in 3 manifest files (2 fail, 0 warn): 1 stale, 1 missing. Fix: kube-generate --update
        """,
        TextReport.render(report, false));
  }

  @Test
  void render_findingOutsideFailOn_warns() {
    Report all = JsonReportTest.everyStatus();
    Report report =
        new Report(all.files(), List.of(), EnumSet.of(Status.HAND_EDITED), all.fixCommand());
    String text = TextReport.render(report, false);
    assertTrue(
        text.contains(
            "hand-edited  kubernetes/production/deployment-web.yaml  6                    "
                + " fails\n"),
        text);
    assertTrue(
        text.contains(
            "orphaned     kubernetes/staging/deployment-web.yaml     1-7                  "
                + " warns\n"),
        text);
    assertTrue(
        text.contains(
            "\nUnmanaged files have no kube-generate marker: delete them, or list them under"
                + " handwritten: in the config to keep them.\n"),
        text);
    assertTrue(
        text.endsWith(
            "\n5 findings in 7 manifest files (1 fail, 4 warn): 1 hand-edited, 1 stale,"
                + " 1 missing, 1 unmanaged, 1 orphaned. Fix: kube-generate --update\n"),
        text);
  }

  @Test
  void render_cleanRun_singleLine() {
    Report report =
        report(
            List.of(
                generated("kubernetes/qa/deployment-web.yaml", Status.OK, BASE, BASE),
                file(
                    "kubernetes/qa/external.yaml",
                    Status.HANDWRITTEN,
                    Optional.empty(),
                    Optional.of("x: 1\n"),
                    Optional.empty())));
    assertEquals("2 manifest files checked: all up to date.\n", TextReport.render(report, false));
    assertEquals(
        "1 manifest file checked: all up to date.\n",
        TextReport.render(report(List.of(generated("k/a/b.yaml", Status.OK, BASE, BASE))), false));
  }

  @Test
  void render_colour_ansiOnlyWhenAsked() {
    Report report =
        report(
            List.of(
                generated(
                    "kubernetes/qa/deployment-web.yaml",
                    Status.STALE,
                    BASE,
                    BASE.replace("2", "3"))));
    String plain = TextReport.render(report, false);
    String coloured = TextReport.render(report, true);
    assertFalse(plain.contains("\u001b"), plain);
    assertTrue(
        coloured.contains("\u001b[31m-  replicas: 2\u001b[0m\n\u001b[32m+  replicas: 3\u001b[0m\n"),
        coloured);
    assertTrue(coloured.contains("\u001b[36m@@ -2,4 +2,4 @@\u001b[0m\n"), coloured);
    assertTrue(coloured.contains("  \u001b[31mfails\u001b[0m\n"), coloured);
    assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9]+m", ""));
  }

  @Test
  void render_controlCharactersInFile_shownNotObeyed() {
    Report report =
        report(
            List.of(
                generated(
                    "kubernetes/qa/deployment-web.yaml",
                    Status.HAND_EDITED,
                    "a: 1\r\nb: \u001b[2J\n",
                    "a: 1\nb: 2\n")));
    String text = TextReport.render(report, false);
    assertFalse(text.contains("\u001b") || text.contains("\r"), text);
    assertTrue(text.contains("\n-a: 1^M\n-b: ^[[2J\n+a: 1\n+b: 2\n"), text);
  }

  @Test
  void errors_oneLineEachWithLocation() {
    Report report =
        report(
            List.of(),
            new Problem(
                "kube-generate.yaml",
                3,
                5,
                "unknown parameter \"replica\"; did you mean replicas?"),
            Problem.of("kube-generate.yaml", "duplicate key"),
            new Problem("", 0, 0, "no kube-generate.yaml below ."));
    assertEquals(
        "kube-generate.yaml:3:5: unknown parameter \"replica\"; did you mean replicas?\n"
            + "kube-generate.yaml: duplicate key\n"
            + "no kube-generate.yaml below .\n",
        TextReport.errors(report, false));
    assertEquals(
        "", TextReport.render(report, false), "nothing on stdout when nothing was checked");
  }
}
