package dev.kubegenerate.report;

import static dev.kubegenerate.report.ReportFixtures.diff;
import static dev.kubegenerate.report.ReportFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.TestPeers;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {

  @Test
  void render_everyKind_failuresInImportanceOrderWithFixCommand() {
    List<String> lines = WorkflowCommands.render(ReportFixtures.everyKind());

    assertEquals(
        List.of(
            "::error title=kube-generate%3A hand-edited,file=kubernetes/production/deployment-web.yaml,"
                + "line=12,endLine=12::kubernetes/production/deployment-web.yaml was edited by hand;"
                + " generated files must only change through the config (line 12)."
                + " Move the change into kube-generate.yaml, then run: kube-generate --update",
            "::error title=kube-generate%3A stale,file=kubernetes/qa/deployment-web.yaml,line=12,"
                + "endLine=12::kubernetes/qa/deployment-web.yaml is out of date: the config or the"
                + " templates changed since it was generated (line 12). Run: kube-generate --update",
            "::error title=kube-generate%3A missing,file=kube-generate.yaml,line=14,endLine=15::"
                + "kubernetes/sandbox/namespace.yaml is produced by the config but was never generated."
                + " Run: kube-generate --update",
            "::error title=kube-generate%3A unmanaged,file=kubernetes/qa/extra.yaml,line=1,endLine=1::"
                + "kubernetes/qa/extra.yaml is neither generated nor marked as hand-written. Generate it"
                + " from kube-generate.yaml, list it under handwritten:, or delete it. To regenerate"
                + " everything run: kube-generate --update",
            "::error title=kube-generate%3A orphaned,file=kubernetes/qa/cronjob-old.yaml,line=1,"
                + "endLine=1::kubernetes/qa/cronjob-old.yaml was generated, but no entry of the config"
                + " produces it any more. Delete it by running: kube-generate --update"),
        lines);
  }

  @Test
  void render_violations_onTheOffendingLine_failuresBeforeWarningsAndNotices() {
    Violation removed =
        new Violation(
            Violation.Rule.REMOVED_API,
            Violation.Severity.ERROR,
            2,
            13,
            "apiVersion",
            "policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1");
    Violation deprecated =
        new Violation(
            Violation.Rule.DEPRECATED_API,
            Violation.Severity.WARNING,
            9,
            13,
            "apiVersion",
            "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated and removed in Kubernetes 1.32");
    Violation noSchema =
        new Violation(
            Violation.Rule.NO_SCHEMA,
            Violation.Severity.NOTICE,
            1,
            13,
            "apiVersion",
            "example.com/v1 Widget has no schema");
    FileResult stale =
        file(
            "kubernetes/qa/a.yaml",
            Status.STALE,
            diff("kubernetes/qa/a.yaml"),
            new LineRange(5, 5));
    FileResult handwritten =
        file("kubernetes/qa/b.yaml", Status.HANDWRITTEN, null)
            .withViolations(List.of(deprecated, removed, noSchema));
    Report report = ReportFixtures.report(EnumSet.of(Status.ORPHANED), List.of(stale, handwritten));

    assertEquals(
        List.of(
            "::error title=kube-generate%3A removed-api,file=kubernetes/qa/b.yaml,line=2,col=13::kubernetes/qa/b.yaml:2:"
                + " apiVersion: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1",
            "::warning title=kube-generate%3A stale,file=kubernetes/qa/a.yaml,line=5,endLine=5::kubernetes/qa/a.yaml is out of"
                + " date: the config or the templates changed since it was generated (line 5). Run: kube-generate --update",
            "::warning title=kube-generate%3A deprecated-api,file=kubernetes/qa/b.yaml,line=9,col=13::kubernetes/qa/b.yaml:9:"
                + " apiVersion: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated and removed in Kubernetes 1.32",
            "::notice title=kube-generate%3A no-schema,file=kubernetes/qa/b.yaml,line=1,col=13::kubernetes/qa/b.yaml:1:"
                + " apiVersion: example.com/v1 Widget has no schema"),
        WorkflowCommands.render(report));
    String summary = StepSummary.render(report);
    assertTrue(summary.contains("| Rule | File | Line | Field | Problem | Verdict |\n"), summary);
    assertTrue(
        summary.contains(
            "| removed-api | kubernetes/qa/b.yaml | 2 | apiVersion | policy/v1beta1 PodDisruptionBudget"
                + " was removed in Kubernetes 1.25; use policy/v1 | ❌ fails |\n"),
        summary);
    assertTrue(summary.contains("| deprecated-api | kubernetes/qa/b.yaml | 9 |"), summary);
    assertTrue(summary.contains("1 removed-api, 1 deprecated-api"), summary);
    assertTrue(summary.startsWith("### ❌ kube-generate: 1 manifest fails the check\n"), summary);
  }

  @Test
  void render_statusOutsideFailOn_isWarningAfterErrors() {
    Report report =
        ReportFixtures.report(EnumSet.of(Status.ORPHANED), ReportFixtures.everyKindFiles());

    List<String> types =
        WorkflowCommands.render(report).stream().map(l -> l.substring(2, l.indexOf(' '))).toList();

    assertEquals(List.of("error", "warning", "warning", "warning", "warning"), types);
    assertTrue(WorkflowCommands.render(report).get(0).contains("orphaned"));
    assertTrue(WorkflowCommands.render(report).get(1).contains("hand-edited"));
  }

  @Test
  void render_moreThanGitHubShows_keepsTenPerTypeAndCountsTheRest() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      files.add(file(String.format("kubernetes/qa/a%02d.yaml", i), Status.STALE, null));
      files.add(file(String.format("kubernetes/qa/b%02d.yaml", i), Status.UNMANAGED, null));
    }
    Report report = ReportFixtures.report(EnumSet.of(Status.STALE), files);

    List<String> lines = WorkflowCommands.render(report);

    assertEquals(21, lines.size());
    assertEquals(10, lines.stream().filter(l -> l.startsWith("::error ")).count());
    assertEquals(10, lines.stream().filter(l -> l.startsWith("::warning ")).count());
    assertTrue(lines.get(9).contains("a09.yaml"), "errors keep path order");
    assertEquals(
        "::notice title=kube-generate::6 more findings are not annotated here (GitHub"
            + " shows 10 per type and step); the job summary lists every finding.",
        lines.get(20));
  }

  @Test
  void render_afterOtherWarnings_countsThemAgainstTheLimit() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      files.add(file("kubernetes/qa/w" + i + ".yaml", Status.UNMANAGED, null));
    }
    Report report = ReportFixtures.report(EnumSet.noneOf(Status.class), files);

    List<String> lines = WorkflowCommands.render(report, 1);

    assertEquals(9, lines.stream().filter(l -> l.startsWith("::warning ")).count());
    assertTrue(lines.get(9).startsWith("::notice title=kube-generate::1 more finding is "));
  }

  @Test
  void render_problems_errorAtFileLineAndColumn() {
    assertEquals(
        List.of(
            "::error title=kube-generate%3A error,file=kube-generate.yaml,line=3,col=5::"
                + "unknown template 'autoscal' (did you mean autoscale?)"),
        WorkflowCommands.render(ReportFixtures.error()));
  }

  @Test
  void render_problemWithoutPosition_leavesPropertiesOut() {
    Report report =
        new Report(
            List.of(),
            List.of(Problem.of("", "no kube-generate.yaml found")),
            Status.defaultFailOn(),
            ReportFixtures.FIX);

    assertEquals(
        List.of("::error title=kube-generate%3A error::no kube-generate.yaml found"),
        WorkflowCommands.render(report));
  }

  @Test
  void render_staleWithMarkerLineChanged_namesTheBodyLines() {
    Report report =
        ReportFixtures.report(
            Status.defaultFailOn(),
            List.of(
                file(
                    "kubernetes/qa/a.yaml",
                    Status.STALE,
                    null,
                    new LineRange(2, 2),
                    new LineRange(19, 20))));

    assertTrue(
        WorkflowCommands.render(report)
            .get(0)
            .endsWith("(lines 19-20). Run:" + " kube-generate --update"),
        WorkflowCommands.render(report).get(0));
  }

  @Test
  void render_clean_printsNothing() {
    assertEquals(List.of(), WorkflowCommands.render(ReportFixtures.clean()));
  }

  @Test
  void render_untrustedFileName_staysOnOneCommandLine() {
    String evil = "kubernetes/qa/x\n::error file=fake::y\r##[set-output name=a]b.yaml";
    Report report =
        ReportFixtures.report(Status.defaultFailOn(), List.of(file(evil, Status.UNMANAGED, null)));

    List<String> lines = WorkflowCommands.render(report);

    assertEquals(1, lines.size());
    assertFalse(lines.get(0).contains("\n") || lines.get(0).contains("\r"));
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "::error title=kube-generate%3A unmanaged,file=kubernetes/qa/"
                    + "x%0A%3A%3Aerror file=fake%3A%3Ay%0D##[set-output name=a]b.yaml,line=1,endLine=1::"));
  }

  @Test
  void render_longMessage_cutAtTheRunnersLimit() {
    String path = "kubernetes/qa/" + "a".repeat(5000) + ".yaml";
    Report report =
        ReportFixtures.report(Status.defaultFailOn(), List.of(file(path, Status.ORPHANED, null)));

    WorkflowCommand c = WorkflowCommands.commands(report, 0).get(0);

    assertEquals(WorkflowCommands.MAX_MESSAGE, c.message().length());
    assertTrue(c.message().endsWith("…"));
  }

  /** The escaping oracle: {@code @actions/core} prints the same lines for the same data. */
  @Test
  void render_sameLinesAsActionsToolkit() throws Exception {
    Path peers = TestPeers.nodeDir();
    List<FileResult> files = new ArrayList<>(ReportFixtures.everyKindFiles());
    String odd = "kubernetes/qa/a,b:c%d%25 e\nf\r\ng.yaml";
    files.add(file(odd, Status.HAND_EDITED, diff(odd), new LineRange(3, 7)));
    files.add(file("kubernetes/qa/100%:done,ok.yml", Status.STALE, null, new LineRange(2, 2)));
    files.add(file("kubernetes/qa/über-ünïcødé ✓.yaml", Status.ORPHANED, null));
    List<Problem> problems =
        List.of(new Problem("kube,generate:%.yaml", 2, 9, "bad: 100%, really"));
    Report report =
        new Report(
            files,
            problems,
            Set.of(Status.HAND_EDITED, Status.MISSING),
            "kube-generate -C 'a,b:%' --update");

    List<WorkflowCommand> commands = WorkflowCommands.commands(report, 0);
    List<String> expected = toolkit(peers, commands);

    assertEquals(expected, WorkflowCommands.render(report));
    assertEquals(commands.size(), expected.size());
  }

  private static List<String> toolkit(Path peers, List<WorkflowCommand> commands)
      throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder input = new StringBuilder();
    Map<String, String> names =
        Map.of(
            "title",
            "title",
            "file",
            "file",
            "line",
            "startLine",
            "endLine",
            "endLine",
            "col",
            "startColumn");
    for (WorkflowCommand c : commands) {
      ObjectNode props = json.createObjectNode();
      c.properties()
          .forEach(
              (k, v) -> {
                if (k.equals("title") || k.equals("file")) {
                  props.put(names.get(k), v);
                } else if (!v.isEmpty()) {
                  props.put(names.get(k), Integer.parseInt(v));
                }
              });
      ObjectNode line =
          json.createObjectNode().put("type", c.command()).put("message", c.message());
      line.set("properties", props);
      input.append(line).append('\n');
    }
    Process node =
        new ProcessBuilder("node", peers.resolve("annotate.mjs").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    node.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node finished");
    assertEquals(0, node.exitValue(), "node exit code");
    return out.lines().toList();
  }

  @Test
  void annotation_staleWithOnlyTheMarkerChanged_saysTheBodyRendersTheSame() {
    String path = "kubernetes/production/service-web.yaml";
    var f =
        ReportFixtures.file(
            path,
            Status.STALE,
            ReportFixtures.diff(path),
            new dev.kubegenerate.model.LineRange(2, 2));
    assertEquals(
        path
            + " is out of date: its inputs in kube-generate.yaml changed, though its body renders the same;"
            + " only the marker line changes. Run: kube-generate --update",
        WorkflowCommands.annotation("error", f, ReportFixtures.FIX).message());
  }
}
