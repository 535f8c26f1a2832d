package dev.kubegenerate.config;

import dev.kubegenerate.model.ManifestPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    List<Entry> entries) {

  public static final String DEFAULT_FILE = "kube-generate.yaml";
  public static final String DEFAULT_OUTPUT_DIR = "kubernetes";
  public static final String DEFAULT_MANUAL_ANNOTATION = "kube-generate/generated-by";

  public Config {
    clusters = List.copyOf(clusters);
    templateDirs = List.copyOf(templateDirs);
    values = Map.copyOf(values);
    handwritten = List.copyOf(handwritten);
    entries = List.copyOf(entries);
  }

  /** The name of the config file, as the generated files' marker names it. */
  public String fileName() {
    return file.getFileName().toString();
  }
}
