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

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "An extra template folder, searched before the config's and the built-in ones.")
  List<Path> templates = new ArrayList<>();

  /** The folders, absolute, the parent command's first. */
  List<Path> resolvedIn(Path root) {
    List<Path> out = new ArrayList<>(Mixins.ofParent(mixee, NAME, TemplateOption.class)
        .map(parent -> parent.resolvedIn(root)).orElse(List.of()));
    templates.forEach(t -> out.add(root.resolve(t).normalize()));
    return out;
  }
}
