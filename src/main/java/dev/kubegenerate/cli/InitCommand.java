package dev.kubegenerate.cli;

import dev.kubegenerate.config.AppName;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.template.ConfigSchema;
import dev.kubegenerate.template.TemplateLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kube-generate init}: write a starter config and its JSON Schema for editors. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Write a starter kube-generate.yaml (and kube-generate.schema.json for editors).")
public final class InitCommand implements Callable<Integer> {

  static final String SCHEMA_FILE = "kube-generate.schema.json";

  private final Terminal terminal;

  @Mixin(name = DirectoryOption.NAME)
  DirectoryOption directory;

  @Spec CommandSpec spec;

  // only -f: --all and --templates mean nothing to init
  @Option(
      names = "-f",
      paramLabel = "FILE",
      description = "The config file to write (default: kube-generate.yaml).")
  String configFile;

  InitCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InputException, IOException {
    Path dir = directory.root(terminal.workingDir());
    String configFile =
        this.configFile != null
            ? this.configFile
            : Mixins.ofParent(spec, ConfigOptions.NAME, ConfigOptions.class)
                .map(ConfigOptions::configFile)
                .orElse(Config.DEFAULT_FILE);
    Path config = dir.resolve(configFile);
    if (Files.exists(config)) {
      throw new InputException(
          Problem.of(configFile, "already exists; edit it, or delete it to start over"));
    }
    String app = AppName.fromFolder(dir);
    String text =
        "# yaml-language-server: $schema="
            + SCHEMA_FILE
            + "\n"
            + "# Describe what this app runs; `kube-generate --update` writes the manifests.\n"
            + "# `kube-generate templates` lists the templates and their parameters.\n"
            + "app: "
            + app
            + "\n"
            + "# the Kubernetes version of the clusters: manifests are checked against its API (supported: "
            + KubernetesApi.supportedList()
            + ")\n"
            + "kubernetesVersion: \""
            + KubernetesApi.newest()
            + "\"\n"
            + "clusters: [sandbox, qa, production]\n"
            + "generates:\n"
            + "  - namespace: {}\n";
    Files.writeString(
        dir.resolve(SCHEMA_FILE),
        ConfigSchema.render(TemplateLibrary.builtIn()),
        StandardCharsets.UTF_8);
    Files.writeString(config, text, StandardCharsets.UTF_8);
    terminal
        .out()
        .println(
            "Wrote "
                + configFile
                + " and "
                + SCHEMA_FILE
                + "; next: add entries, then run `kube-generate --update`.");
    return ExitCode.CLEAN;
  }
}
