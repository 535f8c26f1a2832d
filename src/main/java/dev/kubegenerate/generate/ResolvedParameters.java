package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters an entry's template sees for one cluster, defaults, {@code values}, the entry and
 * its override merged as a render merges them: what a suggestion for a hand edit looks among for
 * the key that produced an edited value.
 */
public final class ResolvedParameters {

  private ResolvedParameters() {}

  /** Each parameter's value for {@code cluster}; empty when the entry does not resolve. */
  public static Optional<Map<String, Object>> of(
      Config config, TemplateSpec template, Entry entry, String cluster) {
    List<Problem> problems = new ArrayList<>();
    return new ParameterResolver(config, problems)
        .resolve(entry, template, entry.clusters().orElse(config.clusters()))
        .map(byCluster -> byCluster.get(cluster))
        .filter(p -> problems.isEmpty());
  }
}
