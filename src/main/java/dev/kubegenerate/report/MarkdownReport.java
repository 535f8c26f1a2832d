package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The markdown body shared by the step summary and the pull-request comment: the result line, the
 * findings table, the fix command and each diff in a collapsed block, cut to a size limit with a
 * note saying what was left out.
 *
 * @param limit the most the text may measure
 * @param measure how the platform measures text (UTF-8 bytes or characters)
 * @param place what the text is, for the note: "job summary" or "comment"
 */
record MarkdownReport(int limit, ToIntFunction<String> measure, String place) {

  /** Room kept for the note about what was left out. */
  private static final int NOTE_ROOM = 600;

  /** The longest error message shown, in characters; the JSON report has the whole of it. */
  static final int MAX_PROBLEM_CHARS = 2_000;

  /** Renders the report with {@code prefix} (e.g. a hidden marker) first. */
  String render(Report report, String prefix) {
    return render(report, prefix, "");
  }

  /**
   * Renders the report with {@code prefix} first and {@code section} (e.g. what autofix did) after
   * the counts, before the findings.
   */
  String render(Report report, String prefix, String section) {
    String whole = render(report, prefix, section, Integer.MAX_VALUE);
    // the note needs room only when something is left out
    if (measure.applyAsInt(whole) <= limit) {
      return whole;
    }
    String cut = render(report, prefix, section, limit - NOTE_ROOM);
    // every section is budgeted; only a prefix beyond the limit could still overflow
    return measure.applyAsInt(cut) <= limit ? cut : cutTo(cut, limit - NOTE_ROOM) + note(0, 0, 0);
  }

  private String render(Report report, String prefix, String section, int budget) {
    List<FileResult> findings = FindingOrder.of(report);
    StringBuilder out = new StringBuilder(prefix).append(heading(report)).append('\n');
    counts(out, report);
    out.append(section);
    String fix =
        findings.isEmpty() && report.violations().isEmpty()
            ? ""
            : outdatedNote(findings)
                + "**Fix:** run this at the repository root and commit the result:\n\n"
                + MarkdownText.fence("sh", report.fixCommand())
                + "\n";
    // errors come first but may take only half the room when there are findings to list too
    int errorBudget =
        findings.isEmpty() && report.violations().isEmpty()
            ? budget - measure.applyAsInt(fix)
            : budget / 2;
    int errorsLeft = problems(out, report.errors(), errorBudget);
    // every row before any diff: the table is the one place that lists every finding
    int rowsLeft = table(out, report, findings, budget - measure.applyAsInt(fix));
    rowsLeft += violations(out, report, budget - measure.applyAsInt(fix));
    rowsLeft += impact(out, report, findings, budget - measure.applyAsInt(fix));
    out.append(fix);
    int used = measure.applyAsInt(out.toString());
    int diffsLeft = 0;
    for (FileResult f : findings) {
      if (f.diff().isEmpty()) {
        continue;
      }
      String block = details(f, report.fixCommand());
      int size = measure.applyAsInt(block);
      if ((long) used + size <= budget) {
        out.append(block);
        used += size;
      } else {
        diffsLeft++;
      }
    }
    if (rowsLeft > 0 || diffsLeft > 0 || errorsLeft > 0) {
      out.append(note(errorsLeft, rowsLeft, diffsLeft));
    }
    return out.toString();
  }

  /** The longest start of {@code text} that measures at most {@code budget}. */
  private String cutTo(String text, int budget) {
    int lo = 0;
    int hi = text.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (measure.applyAsInt(text.substring(0, mid)) <= budget) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int end = lo > 0 && Character.isHighSurrogate(text.charAt(lo - 1)) ? lo - 1 : lo;
    return text.substring(0, end) + "\n\n";
  }

  /** For outdated files: why they differ and that nobody needs to act on this pull request. */
  private static String outdatedNote(List<FileResult> findings) {
    if (findings.stream().noneMatch(f -> f.status() == Status.OUTDATED)) {
      return "";
    }
    return "**Outdated** files differ only because kube-generate itself changed (a new release or template"
        + " library), not this repository. The scheduled kube-generate update refreshes them; to refresh"
        + " them in this pull request instead, run the fix below.\n\n";
  }

  /** A line naming the working directory, or nothing for the repository root. */
  static String where(String workingDirectory) {
    if (workingDirectory.isEmpty() || workingDirectory.equals(".")) {
      return "";
    }
    return "<sub>Working directory: " + MarkdownText.html(workingDirectory) + "</sub>\n\n";
  }

  private static String heading(Report report) {
    return switch (report.result()) {
      case ERROR -> "### ❌ kube-generate: the manifests could not be checked\n";
      case FINDINGS -> {
        int n = report.failures().size();
        yield "### ❌ kube-generate: "
            + n
            + (n == 1 ? " manifest fails" : " manifests fail")
            + " the check\n";
      }
      case CLEAN ->
          !report.hasFindings()
              ? "### ✅ kube-generate: every manifest matches its config\n"
              : "### ✅ kube-generate: the check passes, with warnings\n";
    };
  }

  private static void counts(StringBuilder out, Report report) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Status, Integer> c : report.counts().entrySet()) {
      if (c.getValue() > 0) {
        parts.add(c.getValue() + " " + c.getKey().id());
      }
    }
    report
        .ruleCounts()
        .forEach(
            (rule, n) -> {
              if (n > 0) {
                parts.add(n + " " + rule.id());
              }
            });
    out.append(report.files().size())
        .append(report.files().size() == 1 ? " file" : " files")
        .append(" checked")
        .append(parts.isEmpty() ? "" : ": " + String.join(", ", parts))
        .append(".\n\n");
  }

  /** Appends the error list within {@code budget}; returns how many errors did not fit. */
  private int problems(StringBuilder out, List<Problem> problems, int budget) {
    int used = measure.applyAsInt(out.toString());
    int shown = 0;
    for (Problem p : problems) {
      String text = p.format();
      if (text.length() > MAX_PROBLEM_CHARS) {
        int end =
            Character.isHighSurrogate(text.charAt(MAX_PROBLEM_CHARS - 1))
                ? MAX_PROBLEM_CHARS - 1
                : MAX_PROBLEM_CHARS;
        text = text.substring(0, end) + " …";
      }
      String line = "- " + MarkdownText.inline(text) + "\n";
      int size = measure.applyAsInt(line);
      if ((long) used + size > budget) {
        break;
      }
      out.append(line);
      used += size;
      shown++;
    }
    if (!problems.isEmpty()) {
      out.append('\n');
    }
    return problems.size() - shown;
  }

  /**
   * For stale and outdated files: what merging their regeneration does to the objects in the
   * clusters (SPEC §8.4); returns how many rows did not fit.
   */
  private int impact(StringBuilder out, Report report, List<FileResult> findings, int budget) {
    if (findings.stream()
        .noneMatch(f -> f.status() == Status.STALE || f.status() == Status.OUTDATED)) {
      return 0;
    }
    out.append("**What regenerating the stale and outdated files changes:** ");
    return ImpactMarkdown.section(out, report.impact(), measure, budget);
  }

  /** Appends the findings table; returns how many rows did not fit. */
  private int table(StringBuilder out, Report report, List<FileResult> findings, int tableBudget) {
    List<String> rows =
        findings.stream()
            .map(
                f ->
                    "| "
                        + f.status().id()
                        + " | "
                        + MarkdownText.inline(f.path().value())
                        + " | "
                        + FindingText.fileLines(f)
                        + " | "
                        + (report.fails(f) ? "❌ fails" : "⚠️ warns")
                        + " |\n")
            .toList();
    return rows(
        out, "| Status | File | Lines | Verdict |\n| --- | --- | --- | --- |\n", rows, tableBudget);
  }

  /**
   * Appends the table of violations and notices, one row each; returns how many rows did not fit.
   */
  private int violations(StringBuilder out, Report report, int tableBudget) {
    List<Report.Flagged> flagged = new ArrayList<>(report.violations());
    flagged.addAll(report.notices());
    List<String> rows =
        flagged.stream()
            .map(
                r -> {
                  Violation v = r.violation();
                  String verdict =
                      report.fails(v)
                          ? "❌ fails"
                          : v.severity() == Violation.Severity.NOTICE ? "ℹ️ notice" : "⚠️ warns";
                  return "| "
                      + v.rule().id()
                      + " | "
                      + MarkdownText.inline(r.file().path().value())
                      + " | "
                      + v.line()
                      + " | "
                      + (v.path().isEmpty() ? "" : MarkdownText.inline(v.path()))
                      + " | "
                      + MarkdownText.inline(v.message())
                      + " | "
                      + verdict
                      + " |\n";
                })
            .toList();
    return rows(
        out,
        "| Rule | File | Line | Field | Problem | Verdict |\n| --- | --- | --- | --- | --- | --- |\n",
        rows,
        tableBudget);
  }

  /** Appends a table's header and as many rows as fit the budget; returns how many did not fit. */
  private int rows(StringBuilder out, String header, List<String> rows, int tableBudget) {
    if (rows.isEmpty()) {
      return 0;
    }
    out.append(header);
    int left = rows.size();
    int used = measure.applyAsInt(out.toString());
    for (String row : rows) {
      int size = measure.applyAsInt(row);
      if ((long) used + size > tableBudget) {
        break;
      }
      out.append(row);
      used += size;
      left--;
    }
    out.append('\n');
    return left;
  }

  private static String details(FileResult f, String fixCommand) {
    return "<details><summary>"
        + MarkdownText.html(f.path().value())
        + " ("
        + f.status().id()
        + ")</summary>\n\n"
        + FixText.markdown(f, fixCommand)
        + MarkdownText.fence("diff", f.diff().orElseThrow())
        + "\n</details>\n\n";
  }

  private String note(int errorsLeft, int rowsLeft, int diffsLeft) {
    List<String> what = new ArrayList<>();
    if (errorsLeft > 0) {
      what.add(errorsLeft + (errorsLeft == 1 ? " error" : " errors"));
    }
    if (rowsLeft > 0) {
      what.add(rowsLeft + (rowsLeft == 1 ? " row" : " rows") + " of the table");
    }
    if (diffsLeft > 0) {
      what.add("the diffs of " + diffsLeft + (diffsLeft == 1 ? " file" : " files"));
    }
    String list = what.isEmpty() ? "the rest" : String.join(" and ", what);
    return "> [!NOTE]\n> Left out to stay within GitHub's size limit for a "
        + place
        + ": "
        + list
        + ". Run `kube-generate check` locally, or read the JSON"
        + " report (output `report`), for every finding and diff.\n";
  }
}
