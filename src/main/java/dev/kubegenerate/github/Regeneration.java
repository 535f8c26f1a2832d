package dev.kubegenerate.github;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code kube-generate --update} would write in the checked folder, paths relative to that
 * folder: the files autofix commits come from here, and only from here.
 *
 * @param writes new contents by path
 * @param deletes generated files no entry produces any more
 * @param outputDirs the output folders of the run's configs; nothing outside them is committed
 */
public record Regeneration(
    Map<ManifestPath, String> writes, List<ManifestPath> deletes, List<ManifestPath> outputDirs) {

  public Regeneration {
    writes = Collections.unmodifiableMap(new LinkedHashMap<>(writes));
    deletes = List.copyOf(deletes);
    outputDirs = List.copyOf(outputDirs);
  }

  /** Computes the regeneration when autofix needs it: it renders the whole run again. */
  @FunctionalInterface
  public interface Source {
    /**
     * The regeneration of the checked folder.
     *
     * @throws InputException when the input cannot be rendered
     * @throws IOException when a file cannot be read
     */
    Regeneration get() throws InputException, IOException;
  }
}
