package dev.kubegenerate.objects;

import dev.kubegenerate.kubernetes.FieldTypes;
import java.util.List;
import java.util.Map;

/**
 * The merge keys of the lists manifests use most, by the list's field name (and its parent's where
 * the name alone is ambiguous), as the {@code patchMergeKey} tags of k8s.io/api declare them. A
 * list whose items lack the key, or repeat it, is compared by position all the same.
 */
public final class CommonMergeKeys implements MergeKeys {

  /** The one instance: the table is fixed. */
  public static final CommonMergeKeys INSTANCE = new CommonMergeKeys();

  private static final String ITEM = FieldTypes.ITEM;

  /** By the list's last field name: what identifies its items in every kind. */
  private static final Map<String, String> BY_NAME =
      Map.ofEntries(
          // core/v1 PodSpec
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("volumes", "name"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("hostAliases", "ip"),
          Map.entry("topologySpreadConstraints", "topologyKey"),
          Map.entry("resourceClaims", "name"),
          Map.entry("schedulingGates", "name"),
          // core/v1 Container
          Map.entry("env", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("resizePolicy", "resourceName"),
          // meta/v1 ObjectMeta
          Map.entry("ownerReferences", "uid"));

  private CommonMergeKeys() {}

  @Override
  public List<String> of(String apiVersion, String kind, List<String> path) {
    if (path.isEmpty()) {
      return List.of();
    }
    String last = path.get(path.size() - 1);
    if (last.equals("ports")) {
      return ports(apiVersion, kind, path);
    }
    if (last.equals("secrets") && kind.equals("ServiceAccount") && path.size() == 1) {
      return List.of("name");
    }
    String key = BY_NAME.get(last);
    return key == null ? List.of() : List.of(key);
  }

  /** A container's ports by {@code containerPort}, a Service's by {@code port}. */
  private static List<String> ports(String apiVersion, String kind, List<String> path) {
    int n = path.size();
    if (n >= 3 && path.get(n - 2).equals(ITEM) && path.get(n - 3).endsWith("ontainers")) {
      return List.of("containerPort");
    }
    boolean service = kind.equals("Service") && ObjectId.groupOf(apiVersion).isEmpty();
    return service && path.equals(List.of("spec", "ports")) ? List.of("port") : List.of();
  }
}
