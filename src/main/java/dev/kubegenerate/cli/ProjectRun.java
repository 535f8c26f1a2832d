package dev.kubegenerate.cli;

import dev.kubegenerate.check.RunRequest;
import dev.kubegenerate.check.TemplateFolders;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.update.JournalLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a rendering command was asked to work on, from its options.
 *
 * @param root the folder of the run, absolute
 * @param directory {@code -C} as typed, for the fix command
 * @param configFile {@code -f}
 * @param all {@code --all}
 * @param templates the {@code --templates} folders, absolute
 * @param typedTemplates the {@code --templates} folders as typed, for the fix command
 * @param toolTemplates the folders of {@code KUBE_GENERATE_TEMPLATES}, absolute
 * @param cacheDir the user's cache folder for kube-generate, when the environment names one
 */
record ProjectRun(
    Path root,
    Optional<Path> directory,
    String configFile,
    boolean all,
    List<Path> templates,
    List<Path> typedTemplates,
    List<Path> toolTemplates,
    Optional<Path> cacheDir) {

  ProjectRun {
    templates = List.copyOf(templates);
    typedTemplates = List.copyOf(typedTemplates);
    toolTemplates = List.copyOf(toolTemplates);
  }

  static ProjectRun of(
      Terminal terminal,
      DirectoryOption directory,
      ConfigOptions configs,
      TemplateOption templates) {
    Path root = directory.root(terminal.workingDir());
    return new ProjectRun(
        root,
        directory.given(),
        configs.configFile(),
        configs.all(),
        templates.resolvedIn(root),
        templates.typed(),
        TemplateOption.toolFolders(terminal),
        cacheDir(terminal.env()));
  }

  /** {@code $XDG_CACHE_HOME/kube-generate}, else {@code $HOME/.cache/kube-generate}. */
  static Optional<Path> cacheDir(java.util.Map<String, String> env) {
    String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
    if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Optional.of(Path.of(xdg, "kube-generate"));
    }
    String home = env.getOrDefault("HOME", "");
    return !home.isEmpty() && Path.of(home).isAbsolute()
        ? Optional.of(Path.of(home, ".cache", "kube-generate"))
        : Optional.empty();
  }

  /** Where this run's {@code --update} keeps its journal: never in the working tree. */
  Optional<JournalLocation> journal() {
    return JournalLocation.of(root, cacheDir);
  }

  /** What the core works on for this run. */
  RunRequest request() {
    return new RunRequest(
        root, configFile, all, new TemplateFolders(templates, toolTemplates), journal());
  }

  /**
   * The command that fixes every finding, as the user would type it: every option that changes the
   * render is repeated, each word shell-quoted, so pasting it renders what this run rendered.
   */
  String fixCommand() {
    List<String> words = new ArrayList<>(List.of("kube-generate"));
    directory.ifPresent(d -> words.addAll(List.of("-C", d.toString())));
    if (!configFile.equals(Config.DEFAULT_FILE)) {
      words.addAll(List.of("-f", configFile));
    }
    if (all) {
      words.add("--all");
    }
    typedTemplates.forEach(t -> words.addAll(List.of("--templates", t.toString())));
    words.add("--update");
    return ShellWords.join(words);
  }
}
