package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * One config after the pipeline: the verdict on each file of its output folder, or why it could not
 * be checked.
 *
 * @param config the config, empty when it could not be loaded or rendered
 * @param files the verdict on each committed and each rendered file
 * @param temporaries the temporary files an interrupted update left in its output folder
 * @param unlisted files of its output folder that could not be classified (a name no path can
 *     hold): the check reports them beside the other files, an update refuses to run
 * @param errors why the config could not be loaded or rendered: the run stops
 */
public record ConfigOutcome(
    Optional<Config> config,
    List<Classified> files,
    List<ManifestPath> temporaries,
    List<Problem> unlisted,
    List<Problem> errors) {

  public ConfigOutcome {
    files = List.copyOf(files);
    temporaries = List.copyOf(temporaries);
    unlisted = List.copyOf(unlisted);
    errors = List.copyOf(errors);
  }

  /** A config that could not be loaded or rendered. */
  static ConfigOutcome failed(List<Problem> errors) {
    return new ConfigOutcome(Optional.empty(), List.of(), List.of(), List.of(), errors);
  }
}
