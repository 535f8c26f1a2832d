package dev.kubegenerate.config;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.ManifestPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@code kube-generate.yaml}; see SPEC §2 for the format.
 *
 * @param file the config file on disk
 * @param shownAs the config's path relative to the repository root, used in messages and reports
 * @param folder the config's folder relative to the repository root ({@code null} at the root)
 * @param app the application name, defaulting to the config folder's name
 * @param outputDir the manifests folder relative to the repository root
 * @param clusters the clusters an entry targets when it names none
 * @param templateDirs extra template folders (absolute), searched before the built-in library
 * @param values parameters given to every entry whose template declares them
 * @param handwritten globs of hand-managed manifests, relative to the config's folder
 * @param manualAnnotation the annotation key that marks a manifest as hand-managed
 * @param entries the items of {@code generates}
 * @param kubernetesVersion the default Kubernetes version of every cluster ({@code
 *     kubernetesVersion:})
 * @param clusterVersions a cluster's own version, from the map form of {@code clusters:}
 * @param schemaDirs folders of CustomResourceDefinition manifests (absolute), from {@code schemas:}
 */
public record Config(
    Path file,
    String shownAs,
    ManifestPath folder,
    String app,
    ManifestPath outputDir,
    List<String> clusters,
    List<Path> templateDirs,
    Map<String, Param> values,
    List<String> handwritten,
    String manualAnnotation,
    List<Entry> entries,
    Optional<KubernetesVersion> kubernetesVersion,
    Map<String, KubernetesVersion> clusterVersions,
    List<Path> schemaDirs) {

  public static final String DEFAULT_FILE = "kube-generate.yaml";
  public static final String DEFAULT_OUTPUT_DIR = "kubernetes";
  public static final String DEFAULT_MANUAL_ANNOTATION = "kube-generate/generated-by";

  public Config {
    clusters = List.copyOf(clusters);
    templateDirs = List.copyOf(templateDirs);
    values = Map.copyOf(values);
    handwritten = List.copyOf(handwritten);
    entries = List.copyOf(entries);
    clusterVersions = Map.copyOf(clusterVersions);
    schemaDirs = List.copyOf(schemaDirs);
  }

  /**
   * The Kubernetes version a cluster runs: its own, else the config's; empty when neither is set.
   */
  public Optional<KubernetesVersion> versionOf(String cluster) {
    KubernetesVersion own = clusterVersions.get(cluster);
    return own != null ? Optional.of(own) : kubernetesVersion;
  }

  /** The name of the config file, as the generated files' marker names it. */
  public String fileName() {
    return file.getFileName().toString();
  }

  /**
   * The cluster folder a path under {@code outputDir} is in: its first segment below the output
   * folder; empty for a file directly in the output folder or a path outside it.
   */
  public Optional<String> clusterOf(ManifestPath path) {
    String prefix = outputDir.value() + "/";
    if (!path.value().startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = path.value().substring(prefix.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
  }
}
