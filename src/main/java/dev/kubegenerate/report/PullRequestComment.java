package dev.kubegenerate.report;

import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.Report;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the sticky pull-request comment: a hidden marker naming the working directory (so two
 * checks in one repository keep two comments), then the same report as the step summary, within
 * GitHub's 65,536 characters per comment.
 */
public final class PullRequestComment {

  /** GitHub rejects a longer comment body with 422. */
  public static final int LIMIT_CHARS = 65_536;

  private static final String SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-";

  private PullRequestComment() {}

  /** The first line of every comment for {@code workingDirectory}; how a later run finds it. */
  public static String marker(String workingDirectory) {
    String dir = workingDirectory.isEmpty() ? "." : workingDirectory;
    StringBuilder b = new StringBuilder();
    // percent-encoding keeps "-->" and line breaks from ending the hidden comment early
    for (byte x : dir.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c < 128 && SAFE.indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return "<!-- kube-generate:check working-directory=" + b + " -->";
  }

  /** The comment body for a report. */
  public static String render(Report report, String workingDirectory) {
    return render(report, workingDirectory, Optional.empty());
  }

  /** As {@link #render(Report, String)}, saying what autofix did and linking its commit. */
  public static String render(
      Report report, String workingDirectory, Optional<AutofixOutcome> autofix) {
    return render(report, workingDirectory, autofix, LIMIT_CHARS);
  }

  /** As {@link #render(Report, String)} with another limit, for tests of the cut. */
  static String render(Report report, String workingDirectory, int limitChars) {
    return render(report, workingDirectory, Optional.empty(), limitChars);
  }

  private static String render(
      Report report, String workingDirectory, Optional<AutofixOutcome> autofix, int limitChars) {
    return new MarkdownReport(limitChars, String::length, "pull-request comment")
        .render(
            report,
            marker(workingDirectory) + "\n" + where(workingDirectory),
            autofix.map(a -> AutofixText.markdown(a, report.fixCommand())).orElse(""));
  }

  /** The body once a later run is clean: says so, so the earlier findings are not left standing. */
  public static String resolved(Report report, String workingDirectory) {
    return marker(workingDirectory)
        + "\n"
        + where(workingDirectory)
        + "### ✅ kube-generate: every manifest matches its config\n\n"
        + report.files().size()
        + (report.files().size() == 1 ? " file" : " files")
        + " checked. The findings reported earlier on this pull request are fixed.\n";
  }

  private static String where(String workingDirectory) {
    return MarkdownReport.where(workingDirectory);
  }
}
