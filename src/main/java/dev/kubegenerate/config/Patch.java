package dev.kubegenerate.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of an entry's {@code patches:} (or of {@code overrides.<cluster>.patches}): the objects
 * of the entry it changes, and how.
 *
 * <pre>
 * patches:
 *   - target: {kind: Deployment}                 # kind required; name optional
 *     merge: {spec: {minReadySeconds: 10}}       # strategic merge patch
 *   - target: {kind: Service, name: shop-web}
 *     json: [{op: add, path: /spec/externalTrafficPolicy, value: Local}]   # RFC 6902
 * </pre>
 *
 * @param kind the kind of the objects it changes
 * @param name their {@code metadata.name}, when only one object of the kind is meant
 * @param merge a strategic merge patch, when it is one
 * @param json the operations of an RFC 6902 JSON patch, when it is one
 * @param at where the item starts in the config
 * @param operations where each JSON patch operation starts (empty for a merge patch)
 * @param cluster the override's cluster, or empty for a patch of the entry itself
 */
public record Patch(
    String kind,
    Optional<String> name,
    Optional<Map<String, Object>> merge,
    Optional<List<Object>> json,
    Position at,
    List<Position> operations,
    Optional<String> cluster) {

  public Patch {
    operations = List.copyOf(operations);
  }

  // Written out: see KubernetesVersion.equals (a config with patches hashes them at start-up).
  @Override
  public boolean equals(Object other) {
    return other instanceof Patch p
        && Objects.equals(kind, p.kind)
        && Objects.equals(name, p.name)
        && Objects.equals(merge, p.merge)
        && Objects.equals(json, p.json)
        && Objects.equals(at, p.at)
        && Objects.equals(operations, p.operations)
        && Objects.equals(cluster, p.cluster);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, merge, json, at, operations, cluster);
  }

  /** Whether the patch targets an object of this kind and name. */
  public boolean targets(String objectKind, String objectName) {
    return kind.equals(objectKind) && name.map(n -> n.equals(objectName)).orElse(true);
  }

  /** How the patch is named in messages: {@code patch 2 of the entry} or of an override. */
  public String shown(int index) {
    return "patch " + (index + 1) + cluster.map(c -> " of overrides." + c).orElse("");
  }
}
