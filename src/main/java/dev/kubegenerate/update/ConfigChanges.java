package dev.kubegenerate.update;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.ManifestPath;
import java.util.List;

/**
 * What an update writes and deletes for one config, without the texts: what the update prints, and
 * all it keeps of a config between staging its files and renaming them.
 *
 * @param config the config as messages name it
 * @param outputDir the config's output folder
 * @param writes the files written, in render order
 * @param deletes the generated files deleted
 * @param warnings one line each, as {@link UpdatePlan#warnings()}
 */
public record ConfigChanges(
    String config,
    ManifestPath outputDir,
    List<ManifestPath> writes,
    List<ManifestPath> deletes,
    List<String> warnings) {

  public ConfigChanges {
    writes = List.copyOf(writes);
    deletes = List.copyOf(deletes);
    warnings = List.copyOf(warnings);
  }

  /** The paths of {@code plan}, the plan of {@code config}. */
  public static ConfigChanges of(Config config, UpdatePlan plan) {
    return new ConfigChanges(
        config.shownAs(),
        config.outputDir(),
        List.copyOf(plan.writes().keySet()),
        plan.deletes(),
        plan.warnings());
  }

  /** Whether the config's files already match. */
  public boolean changesNothing() {
    return writes.isEmpty() && deletes.isEmpty();
  }

  /** What the journal's renames and deletions of this config are. */
  public AtomicWriter.Changes steps() {
    return new AtomicWriter.Changes(writes, deletes);
  }
}
