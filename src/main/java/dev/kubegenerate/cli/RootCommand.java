package dev.kubegenerate.cli;

import dev.kubegenerate.check.Progress;
import dev.kubegenerate.check.UpdateRun;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Result;
import dev.kubegenerate.report.UpdateText;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code kube-generate}: render every manifest; show the diff, or write it with {@code --update}.
 * Its subcommands are {@link CommandModel#SUBCOMMANDS}, added there (a run builds only the one it
 * runs).
 */
@Command(
    name = "kube-generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Render Kubernetes manifests from kube-generate.yaml and a shared template library.",
      "Without --update, print the diff of what --update would change and exit 1 if there is any."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean - nothing to change, no failing finding",
      "1:findings - a diff to apply, or a finding in --fail-on",
      "2:the input could not be checked (bad config, template error, usage or I/O error)"
    })
public final class RootCommand implements Callable<Integer> {

  final Terminal terminal;
  private final Duration updatePause;

  @Mixin(name = DirectoryOption.NAME)
  DirectoryOption directory;

  @Mixin(name = ConfigOptions.NAME)
  ConfigOptions configs;

  @Mixin(name = TemplateOption.NAME)
  TemplateOption templates;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  @Option(
      names = "--update",
      description = "Write the rendered manifests, delete generated files no entry produces.")
  boolean update;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = {
        "text (default): the diff, or the paths --update wrote; a line per object each changes.",
        "json: every object that changes, its changed fields, whether its pods restart and its"
            + " immutable fields; markdown: the same as a pull-request body; github: text, and the"
            + " markdown in the job summary and the step output impact (the action's update)."
      })
  ImpactOutput.Format format = ImpactOutput.Format.text;

  RootCommand(Terminal terminal, Duration updatePause) {
    this.terminal = terminal;
    this.updatePause = updatePause;
  }

  @Override
  public Integer call() throws InputException {
    ProjectRun run = ProjectRun.of(terminal, directory, configs, templates);
    Progress progress = TerminalProgress.of(terminal);
    ImpactOutput output = new ImpactOutput(terminal, format, update, run.fixCommand());
    UpdateRun.Plans plans;
    try {
      plans =
          update
              ? UpdateRun.apply(run.request(), progress, updatePause)
              : UpdateRun.plan(run.request(), progress);
    } catch (InputException e) {
      return output.failed(e);
    } finally {
      TerminalProgress.finish(progress);
    }
    if (output.printsData()) {
      return output.data(plans);
    }
    if (update) {
      if (plans.finishedSteps() > 0) {
        terminal
            .out()
            .println(
                "Finished an interrupted update (" + plans.finishedSteps() + " steps were left)");
      }
      // file names come from the repository: printed as untrusted text
      plans
          .configs()
          .forEach(
              config ->
                  config
                      .warnings()
                      .forEach(w -> terminal.printUntrusted(terminal.err(), w + "\n")));
      // paths of deleted files are names found on disk: in Actions (the update input) the runner
      // must not obey a workflow command hidden in one
      terminal.printUntrusted(terminal.out(), UpdateText.written(plans.configs(), plans.impact()));
      output.publish(plans);
      return ExitCode.of(Result.CLEAN);
    }
    terminal.printUntrusted(terminal.out(), UpdateText.diffs(plans.changed()));
    output.publish(plans);
    if (plans.changesNothing()) {
      return ExitCode.of(Result.CLEAN);
    }
    terminal.printUntrusted(terminal.err(), UpdateText.outOfDate(plans.impact(), run.fixCommand()));
    return ExitCode.of(Result.FINDINGS);
  }
}
