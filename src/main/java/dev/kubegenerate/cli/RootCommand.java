package dev.kubegenerate.cli;

import dev.kubegenerate.check.AtomicWriter;
import dev.kubegenerate.check.Progress;
import dev.kubegenerate.check.Project;
import dev.kubegenerate.check.UpdatePlan;
import dev.kubegenerate.diff.SecretMask;
import dev.kubegenerate.diff.TextDiff;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code kube-generate}: render every manifest; show the diff, or write it with {@code --update}.
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
    },
    subcommands = {
      CheckCommand.class,
      InitCommand.class,
      TemplatesCommand.class,
      SchemaCommand.class,
      ActionCommand.class
    })
public final class RootCommand implements Callable<Integer> {

  /**
   * A pause between the renames of {@code --update}, in milliseconds: only for the test that kills
   * a run half-way and checks that the next run finishes it.
   */
  static final String PAUSE_PROPERTY = "kube-generate.test.updatePauseMillis";

  final Terminal terminal;

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

  RootCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InputException {
    ProjectRun run = ProjectRun.of(terminal, directory, configs, templates);
    Progress progress = TerminalProgress.of(terminal);
    Project project;
    try {
      project = run.load(progress);
    } finally {
      TerminalProgress.finish(progress);
    }
    List<ManifestPath> outputDirs =
        project.configs().stream().map(dev.kubegenerate.config.Config::outputDir).toList();
    if (update) {
      AtomicWriter writer =
          new AtomicWriter(
              run.root(), run.journal(), Duration.ofMillis(Long.getLong(PAUSE_PROPERTY, 0)));
      int finished = writer.finishInterrupted(outputDirs);
      if (finished > 0) {
        terminal.out().println("Finished an interrupted update (" + finished + " steps were left)");
      }
      List<UpdatePlan> plans = UpdatePlan.all(run.root(), project);
      writer.apply(plans);
      // file names come from the repository: printed as untrusted text
      plans.forEach(
          plan -> plan.warnings().forEach(w -> terminal.printUntrusted(terminal.err(), w + "\n")));
      StringBuilder written = new StringBuilder();
      for (int i = 0; i < plans.size(); i++) {
        written
            .append("Generate manifests by using ")
            .append(project.configs().get(i).shownAs())
            .append('\n');
        UpdatePlan plan = plans.get(i);
        plan.writes().keySet().forEach(p -> written.append("  ").append(p).append('\n'));
        plan.deletes().forEach(p -> written.append("  ").append(p).append(" (deleted)\n"));
      }
      // paths of deleted files are names found on disk: in Actions (the update input) the runner
      // must not obey a workflow command hidden in one
      terminal.printUntrusted(terminal.out(), written.toString());
      return ExitCode.of(Result.CLEAN);
    }
    List<dev.kubegenerate.model.Problem> leftovers =
        UpdatePlan.interruptedUpdate(run.root(), run.journal(), outputDirs);
    if (!leftovers.isEmpty()) {
      throw new InputException(leftovers);
    }
    List<UpdatePlan> plans = UpdatePlan.all(run.root(), project);
    boolean changes = false;
    for (UpdatePlan plan : plans) {
      for (Map.Entry<ManifestPath, String> w : plan.writes().entrySet()) {
        printDiff(
            w.getKey(),
            Optional.ofNullable(plan.before().get(w.getKey())),
            Optional.of(w.getValue()));
        changes = true;
      }
      for (ManifestPath d : plan.deletes()) {
        printDiff(d, Optional.of(plan.before().get(d)), Optional.empty());
        changes = true;
      }
    }
    if (changes) {
      terminal
          .err()
          .println("Manifests are out of date; run `" + run.fixCommand() + "` to write them.");
    }
    return ExitCode.of(changes ? Result.FINDINGS : Result.CLEAN);
  }

  private void printDiff(ManifestPath path, Optional<String> before, Optional<String> after) {
    terminal.printUntrusted(
        terminal.out(), TextDiff.compute(path, before, after, SecretMask::mask).unified());
  }
}
