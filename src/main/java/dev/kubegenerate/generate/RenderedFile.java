package dev.kubegenerate.generate;

import dev.kubegenerate.model.ManifestPath;

/**
 * One file as today's render produces it.
 *
 * @param path repository-relative output path
 * @param config the producing config, repository-relative
 * @param template the template's name
 * @param cluster the cluster it was rendered for
 * @param content the whole file, marker included
 * @param inputs the inputs fingerprint in its marker (SPEC §4)
 * @param formerInputs the fingerprint releases before this one wrote for the same inputs
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
    String content,
    String inputs,
    dev.kubegenerate.generate.InputsFingerprint.Former formerInputs,
    int entryLine,
    int entryColumn,
    java.util.List<dev.kubegenerate.model.Violation> violations) {

  public RenderedFile {
    violations = java.util.List.copyOf(violations);
  }
}
