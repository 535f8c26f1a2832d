package dev.kubegenerate.config;

import dev.kubegenerate.yaml.YamlNodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One item of {@code generates}.
 *
 * <pre>
 * - autoscale:            # template
 *     name: web           # params
 *     clusters: [qa]      # clusters (absent: the config's clusters)
 *     subdir: worker
 *     overrides:
 *       production: {replicas: 6}
 * </pre>
 *
 * @param template the template name
 * @param templateNode the key node naming the template, for error positions
 * @param params the template parameters, in the order written
 * @param clusters the clusters named by the entry, if it names any
 * @param overrides per-cluster parameters, keyed by cluster
 * @param overrideKeys the key node of each overridden cluster, for error positions
 * @param subdir an optional folder below the cluster folder
 * @param patches the entry's patches, applied to every cluster's objects in order
 * @param overridePatches each cluster's {@code overrides.<cluster>.patches}, applied after the
 *     entry's own
 */
public record Entry(
    String template,
    Node templateNode,
    Map<String, Param> params,
    Optional<List<String>> clusters,
    Map<String, Map<String, Param>> overrides,
    Map<String, Node> overrideKeys,
    Optional<String> subdir,
    List<Patch> patches,
    Map<String, List<Patch>> overridePatches) {

  /** Keys of an entry that are not template parameters. */
  public static final Set<String> RESERVED_KEYS =
      Set.of("clusters", "overrides", "subdir", "patches");

  public Entry {
    // written order is kept: the order of parameters is the order their errors are reported in
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    overrideKeys = Collections.unmodifiableMap(new LinkedHashMap<>(overrideKeys));
    patches = List.copyOf(patches);
    overridePatches = Map.copyOf(overridePatches);
  }

  /** The patches for one cluster: the entry's, then the cluster's override's. */
  public List<Patch> patchesFor(String cluster) {
    List<Patch> override = overridePatches.getOrDefault(cluster, List.of());
    if (override.isEmpty()) {
      return patches;
    }
    List<Patch> out = new java.util.ArrayList<>(patches);
    out.addAll(override);
    return out;
  }

  /** The 1-based line where the entry's template is named. */
  public int line() {
    return YamlNodes.line(templateNode);
  }
}
