package dev.kubegenerate.cli;

import dev.kubegenerate.check.CheckRun;
import dev.kubegenerate.check.Progress;
import dev.kubegenerate.model.FailOn;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.report.JsonReport;
import dev.kubegenerate.report.PatchRenderer;
import dev.kubegenerate.report.TextReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  @Override
  public Integer call() throws IOException {
    ProjectRun run = ProjectRun.of(terminal, directory, configs, templates);
    Format chosen =
        format != null ? format : terminal.githubActions() ? Format.github : Format.text;
    // before the check: a comment's HTTP client is set up while it runs
    if (autofix && chosen != Format.github) {
      throw new UsageException("--autofix needs --format github (it commits in GitHub Actions)");
    }
    GitHubOutput github =
        chosen == Format.github
            ? new GitHubOutput(
                terminal,
                run.root(),
                comment,
                autofix ? Optional.of(() -> Regenerations.of(run)) : Optional.empty())
            : null;
    Report report;
    Progress progress = TerminalProgress.of(terminal);
    try {
      report = CheckRun.run(run.request(), failOn, run.fixCommand(), progress);
    } catch (RuntimeException | Error e) {
      // still a verdict: under Actions the outputs (result=error) and the summary get written
      report = CheckRun.failed(List.of(Problem.of("", Cli.describe(e))), failOn, run.fixCommand());
    } finally {
      TerminalProgress.finish(progress);
    }
    if (chosen == Format.github || summary != null) {
      // only the markdown shows it: the text and JSON reports need not read every outdated file
      report = CheckRun.withImpact(report);
    }
    if (patch != null) {
      Files.writeString(
          run.root().resolve(patch), PatchRenderer.render(report), StandardCharsets.UTF_8);
    }
    if (summary != null) {
      Files.writeString(
          run.root().resolve(summary),
          dev.kubegenerate.report.StepSummary.render(report),
          StandardCharsets.UTF_8);
    }
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
      case github -> github.publish(report);
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
