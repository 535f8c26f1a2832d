package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Config;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where to try a fix of a hand edit: on the entry when every cluster's file of the entry has the
 * same edits, then under the cluster's override; only under the override otherwise.
 */
final class FixLevels {

  private final Config config;

  /** The edits of each group of files (an entry's file in one cluster), as compared across them. */
  private final Map<String, Set<String>> sameness = new HashMap<>();

  FixLevels(Config config, List<HandEditFixes.EditedFile> all) {
    this.config = config;
    all.forEach(e -> sameness.put(group(e, e.cluster()), e.sameness()));
  }

  /** The levels to try for {@code fields} of {@code e}: empty for the entry, else its cluster. */
  List<Optional<String>> of(HandEditFixes.EditedFile e, List<FieldEdit> fields) {
    Optional<String> own = Optional.of(e.cluster());
    for (String cluster : e.entry().clusters().orElse(config.clusters())) {
      Set<String> there = sameness.get(group(e, cluster));
      if (there == null || !fields.stream().allMatch(f -> there.contains(f.sameness()))) {
        return List.of(own);
      }
    }
    return List.of(Optional.empty(), own);
  }

  private String group(HandEditFixes.EditedFile e, String cluster) {
    return e.entryIndex() + " " + cluster + " " + e.inCluster(config);
  }
}
