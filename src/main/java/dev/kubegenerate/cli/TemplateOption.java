package dev.kubegenerate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --templates DIR}: extra template folders, from this command and its parent. */
final class TemplateOption {

  static final String NAME = "templateDirs";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "An extra template folder, searched after the config's own and before the built-in ones.")
  List<Path> templates = new ArrayList<>();

  /** The folders as typed, the parent command's first. */
  List<Path> typed() {
    List<Path> out =
        new ArrayList<>(
            Mixins.ofParent(mixee, NAME, TemplateOption.class)
                .map(TemplateOption::typed)
                .orElse(List.of()));
    out.addAll(templates);
    return out;
  }

  /** The variable naming the tool's extra template folders, as an organisation's image sets it. */
  static final String VARIABLE = "KUBE_GENERATE_TEMPLATES";

  /**
   * The tool's template folders: {@code KUBE_GENERATE_TEMPLATES}, a path-separator list (SPEC §3),
   * searched after the repository's and before the built-in library; read here so the core never
   * reads the environment. Empty items are ignored; relative ones are taken from the current
   * folder.
   */
  static List<Path> toolFolders(Terminal terminal) {
    String list = terminal.env().getOrDefault(VARIABLE, "");
    return java.util.Arrays.stream(
            list.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)))
        .filter(s -> !s.isBlank())
        .map(s -> terminal.workingDir().resolve(s).toAbsolutePath().normalize())
        .toList();
  }

  /** The folders, absolute, the parent command's first. */
  List<Path> resolvedIn(Path root) {
    List<Path> out =
        new ArrayList<>(
            Mixins.ofParent(mixee, NAME, TemplateOption.class)
                .map(parent -> parent.resolvedIn(root))
                .orElse(List.of()));
    templates.forEach(t -> out.add(root.resolve(t).normalize()));
    return out;
  }
}
