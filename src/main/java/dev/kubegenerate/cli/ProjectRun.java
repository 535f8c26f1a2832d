package dev.kubegenerate.cli;

import dev.kubegenerate.check.Progress;
import dev.kubegenerate.check.Project;
import dev.kubegenerate.check.ProjectLoader;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.InputException;
import java.nio.file.Path;
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
 */
record ProjectRun(Path root, Optional<Path> directory, String configFile, boolean all, List<Path> templates) {

  ProjectRun {
    templates = List.copyOf(templates);
  }

  static ProjectRun of(Terminal terminal, DirectoryOption directory, ConfigOptions configs, TemplateOption templates) {
    Path root = directory.root(terminal.workingDir());
    return new ProjectRun(root, directory.given(), configs.configFile(), configs.all(), templates.resolvedIn(root));
  }

  Project load(Progress progress) throws InputException {
    return new ProjectLoader(root).load(configFile, all, templates, progress);
  }

  /** The command that fixes every finding, as the user would type it. */
  String fixCommand() {
    StringBuilder b = new StringBuilder("kube-generate");
    directory.ifPresent(d -> b.append(" -C ").append(d));
    if (!configFile.equals(Config.DEFAULT_FILE)) {
      b.append(" -f ").append(configFile);
    }
    if (all) {
      b.append(" --all");
    }
    return b.append(" --update").toString();
  }
}
