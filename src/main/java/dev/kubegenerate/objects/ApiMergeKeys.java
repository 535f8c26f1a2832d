package dev.kubegenerate.objects;

import dev.kubegenerate.kubernetes.FieldMerge;
import dev.kubegenerate.kubernetes.KubernetesApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merge keys the bundled API data gives each list of a built-in kind ({@link
 * KubernetesApi#merge}): the strategic merge patch's key ({@code containers} by {@code name}, a
 * container's {@code ports} by {@code containerPort}, a Service's by {@code port}), else a
 * server-side-apply map list's keys. A custom resource's lists, which kubectl's merge patch
 * replaces whole, and a list the data does not know compare by position.
 */
public final class ApiMergeKeys implements MergeKeys {

  /** By the newest supported release: a list's merge key does not change between releases. */
  public static final ApiMergeKeys NEWEST = new ApiMergeKeys(KubernetesApi.newest());

  /** Answers met before: the same lists recur in every object; bounded against hostile input. */
  private static final int MAX_KNOWN = 4096;

  private final dev.kubegenerate.model.KubernetesVersion version;
  private final Map<String, List<String>> known = new ConcurrentHashMap<>();

  private ApiMergeKeys(dev.kubegenerate.model.KubernetesVersion version) {
    this.version = version;
  }

  @Override
  public List<String> of(String apiVersion, String kind, String pointer) {
    String key = apiVersion + " " + kind + " " + pointer;
    List<String> keys = known.get(key);
    if (keys == null) {
      keys = lookUp(apiVersion, kind, pointer);
      if (known.size() < MAX_KNOWN) {
        known.put(key, keys);
      }
    }
    return keys;
  }

  private List<String> lookUp(String apiVersion, String kind, String pointer) {
    Optional<FieldMerge> merge = KubernetesApi.of(version).merge(apiVersion, kind, pointer);
    if (merge.isEmpty()) {
      return List.of();
    }
    FieldMerge m = merge.get();
    if (m.merges() && m.mergeKey().isPresent()) {
      return List.of(m.mergeKey().get());
    }
    return m.listType().equals("map") ? m.mapKeys() : List.of();
  }
}
