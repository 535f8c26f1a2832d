package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.config.Patch;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where in the config a fix goes (the line of the key when the level sets it, else of the level's
 * {@code overrides.<cluster>} or of the entry), and how messages name the entry.
 */
final class FixLines {

  private FixLines() {}

  /** The line of a parameter at a level: its own, else the override's, else the entry's. */
  static int ofKey(Entry entry, Optional<String> cluster, String name) {
    Param own =
        cluster.isEmpty()
            ? entry.params().get(name)
            : entry.overrides().getOrDefault(cluster.get(), Map.of()).get(name);
    if (own != null) {
      return YamlNodes.line(own.key());
    }
    return override(entry, cluster);
  }

  /** The line a patch is added after: the level's last patch, else the override's or entry's. */
  static int ofPatch(Entry entry, Optional<String> cluster) {
    List<Patch> patches =
        cluster.isEmpty()
            ? entry.patches()
            : entry.overridePatches().getOrDefault(cluster.get(), List.of());
    if (!patches.isEmpty()) {
      return patches.get(patches.size() - 1).at().line();
    }
    return override(entry, cluster);
  }

  private static int override(Entry entry, Optional<String> cluster) {
    return cluster.map(c -> entry.overrideKeys().get(c)).map(YamlNodes::line).orElse(entry.line());
  }

  /**
   * The entry as messages name it: its {@code name}, else its exact object name, else its template.
   */
  static String entryName(Entry entry) {
    return identity(entry).orElse(entry.template());
  }

  private static Optional<String> identity(Entry entry) {
    return ConfigVariants.written(entry, Optional.empty(), "name")
        .or(() -> ConfigVariants.written(entry, Optional.empty(), "objectName"))
        .filter(String.class::isInstance)
        .map(String.class::cast);
  }

  static boolean named(Entry entry) {
    return identity(entry).isPresent();
  }
}
