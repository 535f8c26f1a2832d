package dev.kubegenerate.cli;

import dev.kubegenerate.config.InputException;
import dev.kubegenerate.config.Suggestions;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.ParameterSpec;
import dev.kubegenerate.render.TemplateLibrary;
import dev.kubegenerate.render.TemplateSpec;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kube-generate templates [NAME]}: list the templates, or show one with an example. */
@Command(name = "templates", mixinStandardHelpOptions = true,
    description = "List the templates with their parameters, or show one with an example entry.")
public final class TemplatesCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The template to show.")
  String name;

  @Override
  public Integer call() throws InputException {
    var extra = root.templates.stream().map(p -> root.root().resolve(p).normalize()).toList();
    TemplateLibrary library = TemplateLibrary.with(extra, root.root());
    PrintStream out = root.terminal.out();
    if (name == null) {
      for (TemplateSpec t : library.all().values()) {
        out.println(t.name() + " - " + t.description());
        out.println("  parameters: " + String.join(", ", t.parameters().stream()
            .map(p -> p.required() ? p.name() + " (required)" : p.name()).toList()));
      }
      return ExitCode.CLEAN;
    }
    TemplateSpec t = library.get(name).orElseThrow(() -> new InputException(Problem.of("",
        "unknown template \"" + name + "\"" + Suggestions.didYouMean(name, library.all().keySet()))));
    out.println(t.name() + " - " + t.description());
    out.println();
    out.println("Files: " + String.join(", ", t.bodies().stream().map(b -> b.name() + "[-<name>].yaml").toList()));
    out.println();
    out.println("Parameters:");
    int width = t.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0);
    for (ParameterSpec p : t.parameters()) {
      String detail = p.shownType() + (p.required() ? ", required" : p.defaultValue() != null ? ", default " + json(p.defaultValue()) : "");
      out.printf("  %-" + width + "s  %s (%s)%n", p.name(), p.description(), detail);
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
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
