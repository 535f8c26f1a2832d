package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The kinds the bundled releases serve, for telling a misspelt kind and what was meant. */
final class KindNames {

  private final Set<String> all = new HashSet<>();

  private KindNames(BundledApis data) {
    data.served.values().forEach(s -> s.keySet().forEach(k -> all.add(kind(k))));
  }

  private static final class Holder {
    static final KindNames INSTANCE = new KindNames(BundledApis.get());
  }

  static KindNames get() {
    return Holder.INSTANCE;
  }

  private static String kind(String apiVersionAndKind) {
    return apiVersionAndKind.substring(apiVersionAndKind.indexOf(' ') + 1);
  }

  /** Whether some bundled release serves {@code kind} in some apiVersion. */
  boolean known(String kind) {
    return all.contains(kind);
  }

  /**
   * The kind {@code api} serves nearest to a misspelt one, with its apiVersion (the group of {@code
   * apiVersion} first, then the most stable): {@code Deployment (apps/v1)}.
   */
  Optional<String> nearest(KubernetesApi api, String apiVersion, String kind) {
    Set<String> served = new HashSet<>();
    api.servedKinds().forEach(k -> served.add(kind(k)));
    List<String> near = Suggestions.nearest(kind, served);
    if (near.isEmpty()) {
      return Optional.empty();
    }
    String name = near.get(0);
    String group = ApiLifecycle.group(apiVersion);
    String best = null;
    for (String k : api.servedKinds()) {
      String v = k.substring(0, k.indexOf(' '));
      if (kind(k).equals(name) && (best == null || ApiLifecycle.better(v, best, group))) {
        best = v;
      }
    }
    return Optional.of(name + " (" + best + ")");
  }
}
