package dev.kubegenerate.cli;

import dev.kubegenerate.config.InputException;
import dev.kubegenerate.render.ConfigSchema;
import dev.kubegenerate.render.TemplateLibrary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kube-generate schema}: print the JSON Schema of kube-generate.yaml. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of kube-generate.yaml, for editors to validate and complete it.")
public final class SchemaCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;

  @Override
  public Integer call() throws InputException {
    var extra = root.templates.stream().map(p -> root.root().resolve(p).normalize()).toList();
    root.terminal.out().print(ConfigSchema.render(TemplateLibrary.with(extra, root.root())));
    return ExitCode.CLEAN;
  }

}
