package dev.kubegenerate.cli;

import dev.kubegenerate.github.ActionsEnvironment;
import dev.kubegenerate.github.GitHubPublisher;
import dev.kubegenerate.github.Regeneration;
import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.report.JsonReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Hands the check's report to the GitHub publisher with this run's environment. */
final class GitHubOutput {

  private final Terminal terminal;
  private final Path root;
  private final boolean comment;
  private final ActionsEnvironment env;
  private final GitHubPublisher publisher;
  private final Optional<Regeneration.Source> autofix;

  /** Made before the check runs: with {@code comment}, the HTTP client is set up meanwhile. */
  GitHubOutput(Terminal terminal, Path root, boolean comment) {
    this(terminal, root, comment, Optional.empty());
  }

  /**
   * As {@link #GitHubOutput(Terminal, Path, boolean)}; with {@code autofix}, a failing check
   * commits what it gives to the pull request's branch when that is safe.
   */
  GitHubOutput(
      Terminal terminal, Path root, boolean comment, Optional<Regeneration.Source> autofix) {
    this.terminal = terminal;
    this.root = root;
    this.comment = comment;
    this.env = ActionsEnvironment.from(terminal.env());
    this.publisher = GitHubPublisher.standard(env, comment, autofix.isPresent());
    this.autofix = autofix;
  }

  /**
   * Refuses a {@code .kube-generate} link in the workspace, where the JSON report may go: a pull
   * request that commits one would have the report written wherever it points.
   */
  void refuseLinkedReportFolder() throws InputException {
    Path workspace =
        env.workspace()
            .map(p -> terminal.workingDir().resolve(p).toAbsolutePath().normalize())
            .orElse(terminal.workingDir());
    OutputFiles.refuseLinks(
        workspace,
        workspace.resolve(GitHubPublisher.REPORT_FOLDER).resolve("report.json"),
        GitHubPublisher.REPORT_FOLDER,
        "the JSON report");
  }

  void publish(Report report) {
    String workingDirectory = workingDirectory(env);
    Report located =
        workingDirectory.equals(".") ? report : relocate(report, workingDirectory + "/");
    // before anything is published: the summary and the comment say what autofix did
    Optional<AutofixOutcome> outcome =
        autofix.flatMap(source -> publisher.autofix(report, env, root, source));
    publisher.publish(
        located,
        env,
        workingDirectory,
        comment,
        JsonReport.render(report),
        terminal.raw(),
        outcome);
  }

  /**
   * The report with annotation locations relative to the repository root: GitHub attaches an
   * annotation to the pull request's diff only by its repository path.
   */
  static Report relocate(Report report, String prefix) {
    List<FileResult> files =
        report.files().stream()
            .map(
                f ->
                    new FileResult(
                        f.path(),
                        f.status(),
                        f.config(),
                        f.template(),
                        f.cluster(),
                        f.committed(),
                        f.rendered(),
                        f.diff(),
                        f.lines(),
                        new FileResult.Location(
                            prefix + f.annotationLine().file(),
                            f.annotationLine().line(),
                            f.annotationLine().endLine()),
                        f.violations(),
                        f.fixes()))
            .toList();
    List<Problem> errors =
        report.errors().stream()
            .map(
                p ->
                    p.file().isEmpty() || p.file().equals(".")
                        ? p
                        : new Problem(prefix + p.file(), p.line(), p.column(), p.message()))
            .toList();
    return new Report(
        files, errors, report.failOn(), report.fixCommand(), report.failOnRules(), report.impact());
  }

  /** The checked folder relative to the workspace: it names the sticky comment. */
  private String workingDirectory(ActionsEnvironment env) {
    Path workspace =
        env.workspace()
            .map(p -> terminal.workingDir().resolve(p).toAbsolutePath().normalize())
            .orElse(terminal.workingDir());
    if (!root.startsWith(workspace)) {
      return ".";
    }
    String relative = workspace.relativize(root).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }
}
