package dev.kubegenerate.cli;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.template.ParameterSpec;
import dev.kubegenerate.template.TemplateLibrary;
import dev.kubegenerate.template.TemplateSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kube-generate templates [NAME]}: list the templates, or show one with an example. */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "List the templates with their parameters, or show one with an example entry.")
public final class TemplatesCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin(name = DirectoryOption.NAME)
  DirectoryOption directory;

  @Mixin(name = TemplateOption.NAME)
  TemplateOption templates;

  TemplatesCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The template to show.")
  String name;

  @Override
  public Integer call() throws InputException {
    Path root = directory.root(terminal.workingDir());
    var extra = templates.resolvedIn(root);
    TemplateLibrary library =
        TemplateLibrary.with(extra, TemplateOption.toolFolders(terminal), root);
    PrintStream out = terminal.out();
    if (name == null) {
      for (TemplateSpec t : library.all().values()) {
        out.println(t.name() + " - " + t.description());
        out.println(
            "  parameters: "
                + String.join(
                    ", ",
                    t.parameters().stream()
                        .map(p -> p.required() ? p.name() + " (required)" : p.name())
                        .toList()));
      }
      return ExitCode.CLEAN;
    }
    java.util.Optional<TemplateSpec> found = library.get(name);
    if (found.isEmpty()) {
      throw new InputException(
          Problem.of(
              "",
              "unknown template \"" + name + "\"" + Suggestions.didYouMean(name, library.names())));
    }
    TemplateSpec t = found.get();
    out.println(t.name() + " - " + t.description());
    out.println();
    out.println(
        "Files: "
            + String.join(
                ", ", t.bodies().stream().map(b -> b.name() + "[-<name>].yaml").toList()));
    out.println();
    out.println("Parameters:");
    int width = t.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0);
    for (ParameterSpec p : t.parameters()) {
      String detail =
          p.shownType()
              + (p.required()
                  ? ", required"
                  : p.defaultValue() != null ? ", default " + json(p.defaultValue()) : "");
      out.printf("  %-" + width + "s  %s (%s)%n", p.name(), p.description(), detail);
    }
    out.println();
    out.println(
        "Patches: an entry may add `patches:` (and `overrides.<cluster>.patches:`), each a"
            + " target {kind, name} and a strategic merge patch (merge:) or RFC 6902 operations"
            + " (json:), for what no parameter says.");
    if (!t.locked().isEmpty()) {
      out.println("Locked: patches may not change");
      t.locked().forEach(l -> out.println("  " + l.shown()));
    }
    if (!t.example().isBlank()) {
      out.println();
      out.println("Example:");
      t.example().lines().forEach(l -> out.println("  " + l));
    }
    return ExitCode.CLEAN;
  }

  /** Defaults shown as they would be written in a config (JSON is valid YAML). */
  private static String json(Object value) {
    try {
      return dev.kubegenerate.yaml.Json.WRITER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
