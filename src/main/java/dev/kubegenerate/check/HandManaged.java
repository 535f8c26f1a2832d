package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Glob;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.yaml.YamlNodes;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a manifest is hand-managed (SPEC §2): matched by a {@code handwritten} glob, or
 * annotated {@code <manualAnnotation>: manual} in any of its documents.
 */
final class HandManaged {

  private final Config config;
  private final List<Glob> globs;

  HandManaged(Config config) {
    this.config = config;
    // the config's reader refused a glob that is not well formed, with its line
    this.globs = config.handwritten().stream().map(Glob::of).toList();
  }

  /** Whether a {@code handwritten} glob, relative to the config's folder, matches the path. */
  boolean matchesGlob(ManifestPath path) {
    Path p =
        config.folder() == null
            ? Path.of(path.value())
            : Path.of(config.folder().value()).relativize(Path.of(path.value()));
    String relative = p.toString().replace(File.separatorChar, '/');
    return globs.stream().anyMatch(g -> g.matches(relative));
  }

  /** Whether any document of {@code text} carries the manual annotation. */
  boolean annotatedManual(String text) {
    try {
      for (Object doc :
          YamlNodes.loader(YamlNodes.safeSettings("manifest")).loadAllFromString(text)) {
        if (doc instanceof Map<?, ?> m
            && m.get("metadata") instanceof Map<?, ?> meta
            && meta.get("annotations") instanceof Map<?, ?> annotations
            && "manual".equals(annotations.get(config.manualAnnotation()))) {
          return true;
        }
      }
    } catch (RuntimeException e) {
      // not valid YAML: it cannot carry the annotation, and the check reports it as unmanaged
    }
    return false;
  }
}
