package dev.kubegenerate.check;

import dev.kubegenerate.update.JournalLocation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run works on: the folder, the configs, the template folders besides each config's own, and
 * where an update of the folder keeps its journal.
 *
 * @param root the folder worked in ({@code -C}); every path of a report is relative to it
 * @param configFile the config's file name ({@code -f}), relative to the root
 * @param all find every config of that name below the root ({@code --all})
 * @param templates the run's template folders
 * @param journal where an update of the root keeps its journal; empty: nowhere
 */
public record RunRequest(
    Path root,
    String configFile,
    boolean all,
    TemplateFolders templates,
    Optional<JournalLocation> journal) {

  public RunRequest {
    root = root.toAbsolutePath().normalize();
  }

  /** A run of one config file with only repository template folders and no journal. */
  public static RunRequest of(Path root, String configFile, boolean all) {
    return new RunRequest(
        root,
        configFile,
        all,
        new TemplateFolders(java.util.List.of(), java.util.List.of()),
        Optional.empty());
  }
}
