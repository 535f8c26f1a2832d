package dev.kubegenerate.check;

import dev.kubegenerate.config.ConfigLoader;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Today's render of a repository's config, taken through the same load and render stages as every
 * run, for tests that look at rendered files rather than at a report.
 */
public final class Renders {

  private Renders() {}

  /** The files {@code configFile} (relative to {@code repo}) renders, in entry order. */
  public static List<RenderedFile> of(Path repo, String configFile) throws InputException {
    Path root = repo.toAbsolutePath().normalize();
    ConfigPipeline pipeline =
        new ConfigPipeline(
            root,
            new TemplateFolders(List.of(), List.of()),
            false,
            new ConfigLoader(root, KubernetesApi.supported()));
    List<dev.kubegenerate.model.Problem> problems = new ArrayList<>();
    List<RenderedFile> files = pipeline.render(root.resolve(configFile), false, problems).files();
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return files;
  }

  /**
   * The whole-config fingerprint a release before per-file inputs wrote for a file of the entry at
   * {@code entryIndex}: today's form, and the former one with the path from the root.
   */
  public static List<String> wholeConfigInputs(
      Path repo, String configFile, int entryIndex, String cluster, String path) throws Exception {
    Path root = repo.toAbsolutePath().normalize();
    var config =
        new ConfigLoader(root, KubernetesApi.supported()).load(root.resolve(configFile)).config();
    var entry = config.entries().get(entryIndex);
    var template =
        dev.kubegenerate.template.TemplateLibrary.builtIn().get(entry.template()).orElseThrow();
    var forEntry =
        new dev.kubegenerate.generate.WholeConfigInputs(config).forEntry(entry, template);
    var manifest = dev.kubegenerate.model.ManifestPath.of(path);
    return List.of(forEntry.of(cluster, manifest), forEntry.former(cluster, manifest).value());
  }
}
