package dev.kubegenerate.importing;

import dev.kubegenerate.check.CheckRun;
import dev.kubegenerate.check.Progress;
import dev.kubegenerate.check.RunRequest;
import dev.kubegenerate.check.TemplateFolders;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.FailOn;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.template.TemplateLibrary;
import dev.kubegenerate.update.AtomicWriter;
import dev.kubegenerate.update.JournalLocation;
import dev.kubegenerate.update.UpdatePlan;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code kube-generate import}: propose the config that reproduces the app's manifests, prove it in
 * memory, write it with its renders all at once (crash-safe, as {@code --update} writes), and check
 * the result.
 */
public final class ImportRun {

  /**
   * What the command was asked.
   *
   * @param root the folder worked in
   * @param configFile the config to write, relative to the root
   * @param outputDir the manifests' folder, relative to the config's folder
   * @param version the clusters' Kubernetes version
   * @param templates template folders: the repository's (listed in the config) and the tool's
   * @param typedTemplates the repository folders as the config lists them
   * @param force overwrite an existing config
   * @param withDefaults keep the templates' defaults
   * @param dryRun write nothing
   * @param journal where the write's journal is kept
   */
  public record Options(
      Path root,
      String configFile,
      String outputDir,
      KubernetesVersion version,
      TemplateFolders templates,
      List<String> typedTemplates,
      boolean force,
      boolean withDefaults,
      boolean dryRun,
      Optional<JournalLocation> journal) {}

  /**
   * @param result the proposal and the residual
   * @param written the files written and deleted; empty for a dry run
   * @param check the check of the repository afterwards; empty for a dry run
   */
  public record Outcome(
      Importer.Result result, Optional<UpdatePlan> written, Optional<Report> check) {}

  private ImportRun() {}

  public static Outcome run(Options options) throws InputException {
    Path root = options.root().toAbsolutePath().normalize();
    Path config = root.resolve(options.configFile()).normalize();
    if (!config.startsWith(root)) {
      throw new InputException(
          Problem.of(options.configFile(), "the config must be inside the folder worked in"));
    }
    if (Files.exists(config, LinkOption.NOFOLLOW_LINKS) && !options.force()) {
      throw new InputException(
          Problem.of(
              options.configFile(),
              "already exists; import writes a new config from the manifests: run it with --force"
                  + " to replace this one"));
    }
    ManifestPath configPath = ManifestPath.relative(root, config);
    Path folder = config.getParent();
    ManifestPath outputDir =
        ManifestPath.relative(root, folder.resolve(options.outputDir()).normalize());
    List<Path> repository = new ArrayList<>(options.templates().repository());
    TemplateLibrary library = TemplateLibrary.with(repository, options.templates().tool(), root);
    Importer.Result result =
        new Importer(
                root,
                config,
                outputDir,
                options.version(),
                options.withDefaults(),
                library,
                options.typedTemplates())
            .propose();
    if (options.dryRun()) {
      return new Outcome(result, Optional.empty(), Optional.empty());
    }
    UpdatePlan plan = ImportWrite.plan(root, configPath, result, new LinkedHashMap<>());
    new AtomicWriter(root, options.journal()).apply(List.of(plan));
    Report check =
        CheckRun.run(
            new RunRequest(
                root,
                options.configFile(),
                false,
                new TemplateFolders(List.of(), options.templates().tool()),
                options.journal()),
            FailOn.defaults(),
            "kube-generate --update",
            Progress.NONE);
    return new Outcome(result, Optional.of(plan), Optional.of(check));
  }

  /** The default config file's name. */
  public static String defaultConfig() {
    return Config.DEFAULT_FILE;
  }
}
