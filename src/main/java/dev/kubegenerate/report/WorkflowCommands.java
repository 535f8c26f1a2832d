package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a report as GitHub workflow commands: one annotation per finding, {@code error} for
 * statuses in {@code --fail-on} and {@code warning} for the rest.
 *
 * <p>The runner turns only the first {@value #PER_TYPE} annotations of each type in a step into
 * annotations, so the most important come first and a final notice counts the rest, which the job
 * summary lists.
 */
public final class WorkflowCommands {

  /** Annotations of one type that the runner shows per step. */
  public static final int PER_TYPE = 10;

  /** The runner cuts a message at this many characters. */
  static final int MAX_MESSAGE = 4096;

  private WorkflowCommands() {}

  /** The lines to print on stdout, in order, without line breaks. */
  public static List<String> render(Report report) {
    return render(report, 0);
  }

  /** As {@link #render(Report)} after {@code warningsShown} other warnings of the same step. */
  public static List<String> render(Report report, int warningsShown) {
    return commands(report, warningsShown).stream().map(WorkflowCommand::format).toList();
  }

  /** The commands {@link #render(Report, int)} prints, before formatting. */
  static List<WorkflowCommand> commands(Report report, int warningsShown) {
    List<WorkflowCommand> commands = new ArrayList<>();
    report.errors().forEach(p -> commands.add(problem(p)));
    // failures of either kind before warnings: GitHub shows only the first few of each type
    List<WorkflowCommand> warnings = new ArrayList<>();
    for (FileResult f : FindingOrder.of(report)) {
      (report.fails(f) ? commands : warnings)
          .add(annotation(report.fails(f) ? "error" : "warning", f, report.fixCommand()));
    }
    for (Report.Flagged flagged : report.violations()) {
      boolean fails = report.fails(flagged.violation());
      (fails ? commands : warnings)
          .add(annotation(fails ? "error" : "warning", flagged.file(), flagged.violation()));
    }
    commands.addAll(warnings);
    report.notices().forEach(n -> commands.add(annotation("notice", n.file(), n.violation())));
    List<WorkflowCommand> lines = new ArrayList<>();
    Map<String, Integer> shown = new LinkedHashMap<>(Map.of("warning", warningsShown));
    int hidden = 0;
    for (WorkflowCommand c : commands) {
      if (shown.merge(c.command(), 1, Integer::sum) <= PER_TYPE) {
        lines.add(c);
      } else {
        hidden++;
      }
    }
    if (hidden > 0) {
      lines.add(
          new WorkflowCommand(
              "notice",
              Map.of("title", "kube-generate"),
              hidden
                  + (hidden == 1 ? " more finding is" : " more findings are")
                  + " not annotated here (GitHub shows "
                  + PER_TYPE
                  + " per type and step);"
                  + " the job summary lists every finding."));
    }
    return lines;
  }

  /** The annotation for one finding. */
  static WorkflowCommand annotation(String type, FileResult f, String fixCommand) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("title", FindingText.title(f.status()));
    props.put("file", f.annotationLine().file());
    props.put("line", positive(f.annotationLine().line()));
    props.put("endLine", positive(f.annotationLine().endLine()));
    return new WorkflowCommand(type, props, cut(FindingText.message(f, fixCommand)));
  }

  /** The annotation of a violation, on the offending line. */
  static WorkflowCommand annotation(String type, FileResult f, Violation v) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("title", FindingText.title(v));
    // the location's file is the path as GitHub knows it (relocated to the repository root)
    props.put("file", f.annotationLine().file());
    props.put("line", positive(v.line()));
    props.put("col", positive(v.column()));
    return new WorkflowCommand(type, props, cut(FindingText.message(f, v)));
  }

  /** The annotation for a problem that kept the input from being checked. */
  static WorkflowCommand problem(Problem p) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("title", "kube-generate: error");
    props.put("file", p.file());
    props.put("line", positive(p.line()));
    props.put("col", positive(p.column()));
    return new WorkflowCommand("error", props, cut(p.message()));
  }

  // the toolkit leaves out a property whose value is falsy, and a 0 line is one
  private static String positive(int n) {
    return n > 0 ? Integer.toString(n) : "";
  }

  private static String cut(String message) {
    if (message.length() <= MAX_MESSAGE) {
      return message;
    }
    int end = MAX_MESSAGE - 1;
    if (Character.isHighSurrogate(message.charAt(end - 1))) {
      end--;
    }
    return message.substring(0, end) + "…";
  }
}
