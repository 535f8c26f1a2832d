package dev.kubegenerate.cli;

import dev.kubegenerate.check.CheckRun;
import dev.kubegenerate.check.Progress;
import dev.kubegenerate.model.FailOn;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.report.JsonReport;
import dev.kubegenerate.report.PatchRenderer;
import dev.kubegenerate.report.TextReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kube-generate check}: classify every committed manifest and report it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Render in memory, compare with the committed manifests, report every file.")
public final class CheckCommand implements Callable<Integer> {

  /** The report formats. */
  enum Format {
    text,
    json,
    github
  }

  private final Terminal terminal;

  @Mixin(name = DirectoryOption.NAME)
  DirectoryOption directory;

  @Mixin(name = ConfigOptions.NAME)
  ConfigOptions configs;

  @Mixin(name = TemplateOption.NAME)
  TemplateOption templates;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text, json or github (default: github when GITHUB_ACTIONS=true, else text).")
  Format format;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "Also write the markdown summary to FILE.")
  Path summary;

  @Option(
      names = "--patch",
      paramLabel = "FILE",
      description = "Write a patch that `git apply` accepts and that makes the check pass.")
  Path patch;

  @Option(
      names = "--comment",
      description = "Keep one pull-request comment up to date (GitHub Actions).")
  boolean comment;

  @Option(
      names = "--autofix",
      description =
          "With --format github on a pull request: when the check fails only on what a"
              + " regeneration fixes, commit it to the pull request's branch (docs/autofix.md).")
  boolean autofix;

  @Option(
      names = "--fail-on",
      paramLabel = "LIST",
      converter = FailOnConverter.class,
      description =
          "Statuses and rules that fail the check, comma-separated (default: every status but ok and"
              + " handwritten, and the rules invalid and removed-api; not deprecated-api).")
  FailOn failOn = FailOn.defaults();

  CheckCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * Checks, writes the files asked for and publishes the verdict. Every failure, an error of the
   * JVM included, still ends in a verdict: the report then holds the error, and under Actions the
   * step outputs say {@code result=error} and the job summary says why.
   */
  @Override
  public Integer call() {
    Format chosen =
        format != null ? format : terminal.githubActions() ? Format.github : Format.text;
    if (autofix && chosen != Format.github) {
      throw new UsageException("--autofix needs --format github (it commits in GitHub Actions)");
    }
    GitHubOutput github = null;
    String fix = "kube-generate --update";
    Report report;
    try {
      ProjectRun run = ProjectRun.of(terminal, directory, configs, templates);
      fix = run.fixCommand();
      // before the check: a comment's HTTP client is set up while it runs
      github =
          chosen == Format.github
              ? new GitHubOutput(
                  terminal,
                  run.root(),
                  comment,
                  autofix ? Optional.of(() -> Regenerations.of(run)) : Optional.empty())
              : null;
      report = check(run);
      if (chosen == Format.github || summary != null) {
        // only the markdown shows it: the text and JSON reports need not read every outdated file
        report = CheckRun.withImpact(report);
      }
      writeFiles(run, report);
      if (github != null) {
        github.refuseLinkedReportFolder();
      }
    } catch (InputException e) {
      report = CheckRun.failed(e.problems(), failOn, fix);
    } catch (UsageException e) {
      if (chosen != Format.github) {
        throw e;
      }
      // under Actions a usage error (a working folder that is gone) still publishes its verdict
      report = CheckRun.failed(List.of(Problem.of("", e.getMessage())), failOn, fix);
    } catch (RuntimeException | Error e) {
      report = failed(e, fix);
    }
    try {
      return publish(chosen, github, report);
    } catch (RuntimeException | Error e) {
      // out of memory while writing the report, most likely: what it took is let go first
      report = failed(e, fix);
    }
    try {
      return publish(chosen, github, report);
    } catch (RuntimeException | Error e) {
      if (terminal.githubActions()) {
        dev.kubegenerate.github.GitHubPublisher.publishFailure(
            dev.kubegenerate.github.ActionsEnvironment.from(terminal.env()));
      }
      throw e;
    }
  }

  private Report failed(Throwable e, String fix) {
    return CheckRun.failed(List.of(Problem.of("", Cli.describe(e))), failOn, fix);
  }

  private Report check(ProjectRun run) {
    Progress progress = TerminalProgress.of(terminal);
    try {
      return CheckRun.run(run.request(), failOn, run.fixCommand(), progress);
    } finally {
      TerminalProgress.finish(progress);
    }
  }

  /** {@code --patch} and {@code --summary}, never through a link the repository holds. */
  private void writeFiles(ProjectRun run, Report report) throws InputException {
    if (patch != null) {
      OutputFiles.write(run.root(), patch, PatchRenderer.render(report), "--patch");
    }
    if (summary != null) {
      OutputFiles.write(
          run.root(), summary, dev.kubegenerate.report.StepSummary.render(report), "--summary");
    }
  }

  private int publish(Format chosen, GitHubOutput github, Report report) {
    switch (chosen) {
      // JSON is data: a fence would break it, so it goes out raw with nothing the runner obeys
      case json ->
          terminal
              .raw()
              .print(
                  terminal.githubActions()
                      ? JsonReport.inertInWorkflowLog(JsonReport.render(report))
                      : JsonReport.render(report));
      case text -> {
        // errors go to stderr, as for every command; the rest of the report to stdout
        terminal.err().print(TextReport.errors(report, terminal.colour()));
        terminal.out().print(TextReport.render(report, terminal.colour()));
      }
      case github ->
          (github != null ? github : new GitHubOutput(terminal, terminal.workingDir(), comment))
              .publish(report);
    }
    return ExitCode.of(report.result());
  }

  /** Parses {@code --fail-on stale,hand-edited,removed-api}; an unknown name is a usage error. */
  static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
