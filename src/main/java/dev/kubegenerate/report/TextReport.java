package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code --format text} report for people: a table of findings, each diff, then one line with
 * the counts and the fix command; a clean run is a single line.
 *
 * <p>{@link #render} is for stdout and {@link #errors} for stderr (SPEC §5). Every piece of
 * untrusted text goes through {@link Visible}. Colour is ANSI and only when asked; the caller
 * decides (a terminal, no {@code NO_COLOR}).
 */
public final class TextReport {

  private TextReport() {}

  /** Findings table, diffs and the closing line; a one-line verdict when nothing was found. */
  public static String render(Report report, boolean colour) {
    Ansi ansi = new Ansi(colour);
    List<FileResult> findings = new ArrayList<>(report.findings());
    int checked = report.files().size();
    List<Report.Flagged> violations = report.violations();
    if (findings.isEmpty() && violations.isEmpty()) {
      return report.errors().isEmpty()
          ? notices(report) + plural(checked, "manifest file") + " checked: all up to date.\n"
          : notices(report);
    }
    findings.sort(Comparator.comparing(FileResult::status).thenComparing(FileResult::path));
    StringBuilder out = new StringBuilder();
    if (!findings.isEmpty()) {
      table(report, findings, ansi, out);
      for (FileResult f : findings) {
        f.diff().filter(d -> !d.isEmpty()).ifPresent(d -> diff(d, ansi, out.append('\n')));
        if (!f.fixes().isEmpty()) {
          out.append(Visible.of(FixText.heading(f, report.fixCommand()))).append('\n');
          FixText.lines(f, "  ").forEach(l -> out.append(Visible.of(l)).append('\n'));
        }
      }
      out.append('\n');
    }
    for (Report.Flagged v : violations) {
      boolean fails = report.fails(v.violation());
      Violation x = v.violation();
      out.append(
              Visible.of(
                  v.file().path()
                      + ":"
                      + x.line()
                      + ": "
                      + x.rule().id()
                      + ": "
                      + (x.path().isEmpty() ? "" : x.path() + ": ")
                      + x.message()))
          .append(' ')
          .append(fails ? ansi.red("(fails)") : ansi.yellow("(warns)"))
          .append('\n');
    }
    out.append(notices(report));
    if (!violations.isEmpty()) {
      out.append('\n');
    }
    if (findings.stream().anyMatch(f -> f.status() == Status.UNMANAGED)) {
      out.append(
          "Unmanaged files have no kube-generate marker: delete them, or list them under"
              + " handwritten: in the config to keep them.\n");
    }
    if (findings.stream().anyMatch(f -> f.status() == Status.OUTDATED)) {
      out.append(
              "Outdated files differ only because kube-generate changed, not this repository; the scheduled"
                  + " kube-generate update refreshes them, or run: ")
          .append(report.fixCommand())
          .append('\n');
    }
    int failing =
        (int) findings.stream().filter(report::fails).count()
            + (int) violations.stream().filter(v -> report.fails(v.violation())).count();
    String byStatus =
        findings.stream()
            .collect(
                Collectors.groupingBy(
                    FileResult::status,
                    () -> new java.util.EnumMap<>(Status.class),
                    Collectors.counting()))
            .entrySet()
            .stream()
            .map(e -> e.getValue() + " " + e.getKey().id())
            .collect(Collectors.joining(", "));
    String byRule =
        violations.stream()
            .collect(
                Collectors.groupingBy(
                    v -> v.violation().rule(),
                    () -> new java.util.EnumMap<>(Violation.Rule.class),
                    Collectors.counting()))
            .entrySet()
            .stream()
            .map(e -> e.getValue() + " " + e.getKey().id())
            .collect(Collectors.joining(", "));
    int total = findings.size() + violations.size();
    out.append(ansi.bold(plural(total, "finding")))
        .append(" in ")
        .append(plural(checked, "manifest file"))
        .append(" (")
        .append(failing)
        .append(" fail, ")
        .append(total - failing)
        .append(" warn): ")
        .append(byStatus)
        .append(byStatus.isEmpty() || byRule.isEmpty() ? "" : ", ")
        .append(byRule);
    // --update never touches an unmanaged file, so it is only the fix when something else is found
    if (findings.stream().anyMatch(f -> f.status() != Status.UNMANAGED)) {
      // violations are fixed in the config or the files, not by --update
      out.append(". Fix: ").append(report.fixCommand());
    } else {
      out.append('.');
    }
    out.append('\n');
    return out.toString();
  }

  /**
   * One line per notice (a custom resource without a schema), {@code file:line: notice: message}.
   */
  private static String notices(Report report) {
    StringBuilder out = new StringBuilder();
    for (Report.Flagged n : report.notices()) {
      out.append(
              Visible.of(
                  n.file().path()
                      + ":"
                      + n.violation().line()
                      + ": notice: "
                      + n.violation().message()))
          .append('\n');
    }
    return out.toString();
  }

  /** One line per error, {@code file:line:column: message}, for stderr. */
  public static String errors(Report report, boolean colour) {
    Ansi ansi = new Ansi(colour);
    StringBuilder out = new StringBuilder();
    for (Problem p : report.errors()) {
      out.append(ansi.red(Visible.of(p.format()))).append('\n');
    }
    return out.toString();
  }

  private static void table(
      Report report, List<FileResult> findings, Ansi ansi, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"STATUS", "FILE", "LINES", "VERDICT"});
    for (FileResult f : findings) {
      rows.add(
          new String[] {
            f.status().id(),
            Visible.of(f.path().value()),
            where(f),
            report.fails(f) ? "fails" : "warns"
          });
    }
    int[] width = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        line.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
      }
      String text = line.toString();
      if (r == 0) {
        out.append(ansi.bold(text + row[3])).append('\n');
      } else {
        boolean fails = row[3].equals("fails");
        String verdict = fails ? ansi.red(row[3]) : ansi.yellow(row[3]);
        out.append(text).append(verdict).append('\n');
      }
    }
  }

  /** The committed file's changed lines, or for a missing file the config entry producing it. */
  private static String where(FileResult f) {
    if (!f.lines().isEmpty()) {
      return f.lines().stream().map(TextReport::range).collect(Collectors.joining(","));
    }
    FileResult.Location at = f.annotationLine();
    if (at.line() <= 0) {
      return "-";
    }
    String lines =
        at.endLine() > at.line() ? at.line() + "-" + at.endLine() : String.valueOf(at.line());
    return at.file().equals(f.path().value()) ? lines : Visible.of(at.file()) + ":" + lines;
  }

  private static String range(LineRange r) {
    return r.start() == r.end() ? String.valueOf(r.start()) : r.start() + "-" + r.end();
  }

  private static void diff(String diff, Ansi ansi, StringBuilder out) {
    boolean header = true; // until the first hunk: a removed "-- x" line is no header
    for (String line : diff.split("\n", -1)) {
      if (line.isEmpty()) {
        continue; // the split's tail after the final newline
      }
      String shown = Visible.of(line);
      if (header && !line.startsWith("@@")) {
        out.append(ansi.bold(shown));
      } else if (line.startsWith("@@")) {
        header = false;
        out.append(ansi.cyan(shown));
      } else if (line.startsWith("-")) {
        out.append(ansi.red(shown));
      } else if (line.startsWith("+")) {
        out.append(ansi.green(shown));
      } else {
        out.append(shown);
      }
      out.append('\n');
    }
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** ANSI colours, or plain text when colour is off. */
  private record Ansi(boolean on) {
    String bold(String s) {
      return wrap("1", s);
    }

    String red(String s) {
      return wrap("31", s);
    }

    String green(String s) {
      return wrap("32", s);
    }

    String yellow(String s) {
      return wrap("33", s);
    }

    String cyan(String s) {
      return wrap("36", s);
    }

    private String wrap(String code, String s) {
      return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
  }
}
