package dev.kubegenerate.generate;

import dev.kubegenerate.model.ManifestPath;

/**
 * One file as today's render produces it.
 *
 * @param path repository-relative output path
 * @param config the producing config, repository-relative
 * @param template the template's name
 * @param cluster the cluster it was rendered for
 * @param text the whole file, marker included, written out when asked ({@link #content()})
 * @param inputs the config keys its render read and their fingerprint, which its marker records
 *     (SPEC §4, §8.3)
 * @param entryLine the line of the entry that produces it in the config
 * @param entryColumn the column of that entry
 * @param violations what the render breaks for the cluster's Kubernetes version (warnings only: an
 *     error stops the render)
 */
public record RenderedFile(
    ManifestPath path,
    String config,
    String template,
    String cluster,
    RenderedText text,
    FileInputs inputs,
    int entryLine,
    int entryColumn,
    java.util.List<dev.kubegenerate.model.Violation> violations) {

  public RenderedFile {
    violations = java.util.List.copyOf(violations);
  }

  /** The same file with other violations. */
  RenderedFile withViolations(java.util.List<dev.kubegenerate.model.Violation> other) {
    return new RenderedFile(
        path, config, template, cluster, text, inputs, entryLine, entryColumn, other);
  }

  /** The whole file, marker included. */
  public String content() {
    return text.get();
  }
}
