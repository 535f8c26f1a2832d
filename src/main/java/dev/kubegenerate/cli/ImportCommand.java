package dev.kubegenerate.cli;

import dev.kubegenerate.check.TemplateFolders;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.importing.ImportRun;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Result;
import dev.kubegenerate.report.ImportReport;
import dev.kubegenerate.report.TextReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kube-generate import}: move an app's existing manifests onto kube-generate in one pull
 * request, changing nothing that runs (SPEC §8.2).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the kube-generate.yaml that reproduces the manifests under <outputDir>/<cluster>/,",
      "render them from it, and say object by object what changed: identical, added, or left",
      "hand-written (and why). Nothing that runs changes unless --with-defaults."
    })
public final class ImportCommand implements Callable<Integer> {

  /** The residual's formats. */
  enum Format {
    text,
    json
  }

  private final Terminal terminal;

  @Mixin(name = DirectoryOption.NAME)
  DirectoryOption directory;

  @Mixin(name = TemplateOption.NAME)
  TemplateOption templates;

  @Option(
      names = "-f",
      paramLabel = "FILE",
      description = "The config file to write (default: kube-generate.yaml).")
  String configFile = Config.DEFAULT_FILE;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  Format format = Format.text;

  @Option(names = "--force", description = "Replace an existing config.")
  boolean force;

  @Option(
      names = "--with-defaults",
      description =
          "Keep the templates' defaults (security context, probes, resources, spread, budgets)"
              + " the manifests do not have, each listed as an addition.")
  boolean withDefaults;

  @Option(
      names = "--kubernetes-version",
      paramLabel = "VERSION",
      description = "The clusters' Kubernetes version (default: the newest supported).")
  String kubernetesVersion;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description = "The manifests' folder, relative to the config's (default: kubernetes).")
  String outputDir = Config.DEFAULT_OUTPUT_DIR;

  @Option(names = "--dry-run", description = "Write nothing: print what import would do.")
  boolean dryRun;

  ImportCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InputException {
    Path root = directory.root(terminal.workingDir());
    KubernetesVersion version = version();
    ImportRun.Outcome outcome =
        ImportRun.run(
            new ImportRun.Options(
                root,
                configFile,
                outputDir,
                version,
                new TemplateFolders(
                    templates.resolvedIn(root), TemplateOption.toolFolders(terminal)),
                templates.typed().stream().map(p -> p.toString().replace('\\', '/')).toList(),
                force,
                withDefaults,
                dryRun,
                dev.kubegenerate.update.JournalLocation.of(
                    root, ProjectRun.cacheDir(terminal.env()))));
    String residual =
        format == Format.json
            ? ImportReport.json(configFile, outcome.result().residual())
            : ImportReport.text(configFile, outcome.result().residual(), !dryRun);
    terminal.printUntrusted(terminal.out(), residual);
    if (outcome.check().isPresent() && outcome.check().get().result() == Result.ERROR) {
      terminal.err().print(TextReport.errors(outcome.check().get(), terminal.colour()));
      return ExitCode.of(Result.ERROR);
    }
    return ExitCode.of(Result.CLEAN);
  }

  private KubernetesVersion version() throws InputException {
    if (kubernetesVersion == null) {
      return KubernetesApi.newest();
    }
    Optional<KubernetesVersion> parsed =
        KubernetesApi.supported().stream()
            .filter(v -> v.toString().equals(kubernetesVersion))
            .findFirst();
    return parsed.orElseThrow(
        () ->
            new InputException(
                Problem.of(
                    "--kubernetes-version",
                    "\""
                        + kubernetesVersion
                        + "\" is not a supported Kubernetes version ("
                        + KubernetesApi.supportedList()
                        + ")")));
  }
}
