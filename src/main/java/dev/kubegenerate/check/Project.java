package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import java.util.List;

/**
 * Every config of a run and what each renders today.
 *
 * @param configs the configs, in path order
 * @param rendered the files each config renders, same order as {@code configs}
 * @param validators each config's manifest validators, same order as {@code configs}
 * @param tree what the search for configs saw of the repository, to list output folders from
 */
public record Project(
    List<Config> configs,
    List<List<RenderedFile>> rendered,
    List<ClusterValidators> validators,
    ScannedTree tree) {

  public Project {
    configs = List.copyOf(configs);
    rendered = rendered.stream().map(List::copyOf).toList();
    validators = List.copyOf(validators);
  }
}
