package dev.kubegenerate.cli;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.template.ConfigSchema;
import dev.kubegenerate.template.TemplateLibrary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kube-generate schema}: print the JSON Schema of kube-generate.yaml. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Print the JSON Schema of kube-generate.yaml, for editors to validate and complete it.")
public final class SchemaCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin(name = DirectoryOption.NAME)
  DirectoryOption directory;

  @Mixin(name = TemplateOption.NAME)
  TemplateOption templates;

  SchemaCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InputException {
    Path root = directory.root(terminal.workingDir());
    var extra = templates.resolvedIn(root);
    terminal
        .out()
        .print(
            ConfigSchema.render(
                TemplateLibrary.with(extra, TemplateOption.toolFolders(terminal), root)));
    return ExitCode.CLEAN;
  }
}
