package dev.kubegenerate.cli;

import dev.kubegenerate.check.AtomicWriter;
import dev.kubegenerate.check.Progress;
import dev.kubegenerate.check.Project;
import dev.kubegenerate.check.TemplateFolders;
import dev.kubegenerate.check.UpdatePlan;
import dev.kubegenerate.config.InputException;
import dev.kubegenerate.diff.SecretMask;
import dev.kubegenerate.diff.TextDiff;
import dev.kubegenerate.model.ManifestPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code kube-generate}: render every manifest; show the diff, or write it with {@code --update}. */
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
    subcommands = {CheckCommand.class, InitCommand.class, TemplatesCommand.class, SchemaCommand.class, ActionCommand.class})
public final class RootCommand implements Callable<Integer> {

  final Terminal terminal;

  @Option(names = "-C", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Work as if started in DIR (default: the current folder).")
  Path directory;

  @Option(names = "-f", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The config file (default: kube-generate.yaml).")
  String configFile = "kube-generate.yaml";

  @Option(names = "--all", scope = ScopeType.INHERIT,
      description = "Handle every kube-generate.yaml below DIR in one run (monorepos).")
  boolean all;

  @Option(names = "--templates", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "An extra template folder, searched before the config's and the built-in ones.")
  List<Path> templates = new ArrayList<>();

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
  boolean debug;

  @Option(names = "--update", description = "Write the rendered manifests, delete generated files no entry produces.")
  boolean update;

  RootCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** The folder the run works in. */
  Path root() {
    Path dir = directory == null ? terminal.workingDir() : terminal.workingDir().resolve(directory);
    return dir.toAbsolutePath().normalize();
  }

  /**
   * The command that fixes every finding, as the user would type it: every option that changes
   * the render is repeated, each word shell-quoted, so pasting it renders what this run rendered.
   */
  String fixCommand() {
    List<String> words = new ArrayList<>(List.of("kube-generate"));
    if (directory != null) {
      words.addAll(List.of("-C", directory.toString()));
    }
    if (!configFile.equals("kube-generate.yaml")) {
      words.addAll(List.of("-f", configFile));
    }
    if (all) {
      words.add("--all");
    }
    templates.forEach(t -> words.addAll(List.of("--templates", t.toString())));
    words.add("--update");
    return ShellWords.join(words);
  }

  /** The repository's template folders given with {@code --templates}, absolute. */
  List<Path> repositoryTemplates() {
    return templates.stream().map(p -> root().resolve(p).normalize()).toList();
  }

  /**
   * The tool's template folders: {@code KUBE_GENERATE_TEMPLATES}, a path-separator list (SPEC §3),
   * read here so the core never reads the environment. Empty items are ignored.
   */
  List<Path> toolTemplates() {
    String list = terminal.env().getOrDefault(TEMPLATES_VARIABLE, "");
    return java.util.Arrays.stream(list.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)))
        .filter(s -> !s.isBlank())
        .map(s -> terminal.workingDir().resolve(s).toAbsolutePath().normalize())
        .toList();
  }

  /** The variable naming the tool's extra template folders, as an organisation's image sets it. */
  static final String TEMPLATES_VARIABLE = "KUBE_GENERATE_TEMPLATES";

  Project load() throws InputException {
    return load(Progress.NONE);
  }

  Project load(Progress progress) throws InputException {
    return new dev.kubegenerate.check.ProjectLoader(root())
        .load(configFile, all, new TemplateFolders(repositoryTemplates(), toolTemplates()), progress);
  }

  @Override
  public Integer call() throws InputException {
    Progress progress = TerminalProgress.of(terminal);
    Project project;
    try {
      project = load(progress);
    } finally {
      TerminalProgress.finish(progress);
    }
    List<UpdatePlan> plans = UpdatePlan.all(root(), project);
    if (update) {
      new AtomicWriter(root()).apply(plans);
      StringBuilder written = new StringBuilder();
      for (int i = 0; i < plans.size(); i++) {
        written.append("Generate manifests by using ").append(project.configs().get(i).shownAs()).append('\n');
        UpdatePlan plan = plans.get(i);
        plan.writes().keySet().forEach(p -> written.append("  ").append(p).append('\n'));
        plan.deletes().forEach(p -> written.append("  ").append(p).append(" (deleted)\n"));
      }
      // paths of deleted files are names found on disk: in Actions (the update input) the runner
      // must not obey a workflow command hidden in one
      terminal.printUntrusted(terminal.out(), written.toString());
      return ExitCode.CLEAN;
    }
    boolean changes = false;
    for (UpdatePlan plan : plans) {
      for (Map.Entry<ManifestPath, String> w : plan.writes().entrySet()) {
        printDiff(w.getKey(), Optional.ofNullable(plan.before().get(w.getKey())), Optional.of(w.getValue()));
        changes = true;
      }
      for (ManifestPath d : plan.deletes()) {
        printDiff(d, Optional.of(plan.before().get(d)), Optional.empty());
        changes = true;
      }
    }
    if (changes) {
      terminal.err().println("Manifests are out of date; run `" + fixCommand() + "` to write them.");
    }
    return changes ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  private void printDiff(ManifestPath path, Optional<String> before, Optional<String> after) {
    terminal.printUntrusted(terminal.out(), TextDiff.compute(path, before, after, SecretMask::mask).unified());
  }
}
