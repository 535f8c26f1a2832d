package dev.kubegenerate.cli;

import dev.kubegenerate.check.UpdateRun;
import dev.kubegenerate.github.ActionsEnvironment;
import dev.kubegenerate.github.ImpactPublisher;
import dev.kubegenerate.model.FailOn;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Result;
import dev.kubegenerate.report.ImpactJson;
import dev.kubegenerate.report.ImpactMarkdown;
import dev.kubegenerate.report.JsonReport;
import java.util.List;
import java.util.Optional;

/**
 * The root command's {@code --format}: what a render prints besides, or instead of, its text (SPEC
 * §8.4): the impact of the update as JSON or markdown, or in GitHub Actions the markdown in the job
 * summary and the output {@code impact}.
 */
final class ImpactOutput {

  /** What the root command prints. */
  enum Format {
    text,
    json,
    markdown,
    github
  }

  private final Terminal terminal;
  private final Format format;
  private final boolean update;
  private final String fixCommand;

  ImpactOutput(Terminal terminal, Format format, boolean update, String fixCommand) {
    this.terminal = terminal;
    this.format = format;
    this.update = update;
    this.fixCommand = fixCommand;
  }

  /** Whether the format replaces the text on stdout (JSON, markdown). */
  boolean printsData() {
    return format == Format.json || format == Format.markdown;
  }

  /** Prints the JSON or markdown of a run; the exit code is the text output's. */
  int data(UpdateRun.Plans plans) {
    // warnings (hand edits overwritten) are the same in every format, on stderr
    plans
        .configs()
        .forEach(c -> c.warnings().forEach(w -> terminal.printUntrusted(terminal.err(), w)));
    if (format == Format.json) {
      Optional<Report> files =
          update
              ? Optional.empty()
              : Optional.of(new Report(plans.changed(), List.of(), FailOn.defaults(), fixCommand));
      json(ImpactJson.render(plans.impact(), files, List.of()));
    } else {
      terminal.printUntrusted(terminal.out(), ImpactMarkdown.render(plans.impact(), List.of()));
    }
    return ExitCode.of(update || plans.changesNothing() ? Result.CLEAN : Result.FINDINGS);
  }

  /** With {@code --format github}: the markdown to the job summary and the output impact. */
  void publish(UpdateRun.Plans plans) {
    if (format == Format.github) {
      new ImpactPublisher()
          .publish(
              ImpactMarkdown.render(plans.impact(), List.of()),
              ActionsEnvironment.from(terminal.env()),
              terminal.raw());
    }
  }

  /**
   * Input that could not be rendered: JSON says so in {@code errors} and exits 2; the other formats
   * report it as every command does (markdown and the job summary also show it).
   */
  int failed(InputException e) throws InputException {
    List<Problem> problems = e.problems();
    switch (format) {
      case json -> {
        json(ImpactJson.render(List.of(), Optional.empty(), problems));
        return ExitCode.of(Result.ERROR);
      }
      case markdown ->
          terminal.printUntrusted(terminal.out(), ImpactMarkdown.render(List.of(), problems));
      case github ->
          new ImpactPublisher()
              .publish(
                  ImpactMarkdown.render(List.of(), problems),
                  ActionsEnvironment.from(terminal.env()),
                  terminal.raw());
      case text -> {
        // the problems go to stderr, one line each, as for every command
      }
    }
    throw e;
  }

  // JSON is data: a fence would break it, so it goes out raw with nothing the runner obeys
  private void json(String json) {
    terminal.raw().print(terminal.githubActions() ? JsonReport.inertInWorkflowLog(json) : json);
    terminal.raw().flush();
  }
}
