package dev.kubegenerate.report;

import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.Report;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Renders a report as the markdown appended to {@code $GITHUB_STEP_SUMMARY}: result line, findings
 * table, the fix command and each diff collapsed, kept under GitHub's 1 MiB per step (over it,
 * GitHub shows nothing at all).
 */
public final class StepSummary {

  /** GitHub's limit for one step's summary, in bytes. */
  public static final int LIMIT_BYTES = 1024 * 1024;

  private StepSummary() {}

  /** The summary markdown, at most {@link #LIMIT_BYTES} bytes of UTF-8. */
  public static String render(Report report) {
    return render(report, LIMIT_BYTES);
  }

  /**
   * As {@link #render(Report)}, naming the working directory when it is not the repository root, so
   * that two checks in one job tell their summaries apart.
   */
  public static String render(Report report, String workingDirectory) {
    return render(report, workingDirectory, Optional.empty());
  }

  /** As {@link #render(Report, String)}, saying what autofix did when it ran. */
  public static String render(
      Report report, String workingDirectory, Optional<AutofixOutcome> autofix) {
    return render(report, workingDirectory, autofix, LIMIT_BYTES);
  }

  /** As {@link #render(Report)} with another limit, for tests of the cut. */
  static String render(Report report, int limitBytes) {
    return render(report, ".", Optional.empty(), limitBytes);
  }

  private static String render(
      Report report, String workingDirectory, Optional<AutofixOutcome> autofix, int limitBytes) {
    return new MarkdownReport(
            limitBytes, s -> s.getBytes(StandardCharsets.UTF_8).length, "job summary")
        .render(
            report,
            MarkdownReport.where(workingDirectory),
            autofix.map(a -> AutofixText.markdown(a, report.fixCommand())).orElse(""));
  }
}
