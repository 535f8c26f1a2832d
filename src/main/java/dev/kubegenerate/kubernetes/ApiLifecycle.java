package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.KubernetesVersion;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an apiVersion/kind is removed from or deprecated in a release, from the served sets of
 * the bundled releases and the lifecycle table (pluto's).
 */
final class ApiLifecycle {

  /** The verdict on one apiVersion/kind for one release. */
  record Verdict(Status status, String message) {}

  /** What a release does with an apiVersion/kind. */
  enum Status {
    SERVED,
    DEPRECATED,
    REMOVED,
    CUSTOM
  }

  private static final Pattern API_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  private final BundledApis data;
  private final Set<String> builtInGroups = new HashSet<>();

  private ApiLifecycle(BundledApis data) {
    this.data = data;
    data.served
        .values()
        .forEach(
            s -> s.keySet().forEach(k -> builtInGroups.add(group(k.substring(0, k.indexOf(' '))))));
    data.lifecycle.keySet().forEach(k -> builtInGroups.add(group(k.substring(0, k.indexOf(' ')))));
  }

  private static final class Holder {
    static final ApiLifecycle INSTANCE = new ApiLifecycle(BundledApis.get());
  }

  static ApiLifecycle get() {
    return Holder.INSTANCE;
  }

  /** The group of an apiVersion: {@code apps} of {@code apps/v1}, empty for the core {@code v1}. */
  static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** Whether the group belongs to Kubernetes itself, not to a custom resource. */
  boolean isBuiltIn(String apiVersion) {
    return builtInGroups.contains(group(apiVersion));
  }

  Verdict judge(KubernetesVersion target, String apiVersion, String kind) {
    String key = apiVersion + " " + kind;
    if (!isBuiltIn(apiVersion)) {
      return new Verdict(Status.CUSTOM, "");
    }
    Optional<BundledApis.Lifecycle> row = Optional.ofNullable(data.lifecycle.get(key));
    KubernetesApi api = KubernetesApi.of(target);
    if (api.serves(apiVersion, kind)) {
      if (row.isPresent()
          && !row.get().deprecatedIn().isEmpty()
          && !after(row.get().deprecatedIn(), target)) {
        // the release that removes it is what a team plans by; the table's deprecation release is
        // not always exact
        String removal =
            row.get().removedIn().isEmpty()
                ? ""
                : " and removed in Kubernetes " + row.get().removedIn();
        return new Verdict(
            Status.DEPRECATED,
            key
                + " is deprecated"
                + removal
                + replacement(target, apiVersion, kind, row).map(r -> "; use " + r).orElse(""));
      }
      for (KubernetesVersion later : data.releases.keySet()) {
        if (later.compareTo(target) > 0 && !KubernetesApi.of(later).serves(apiVersion, kind)) {
          return new Verdict(
              Status.DEPRECATED,
              key
                  + " is removed in Kubernetes "
                  + later
                  + replacement(later, apiVersion, kind, row).map(r -> "; use " + r).orElse(""));
        }
      }
      return new Verdict(Status.SERVED, "");
    }
    String use = replacement(target, apiVersion, kind, row).map(r -> "; use " + r).orElse("");
    Optional<KubernetesVersion> lastServing =
        data.releases.keySet().stream()
            .filter(v -> v.compareTo(target) < 0 && KubernetesApi.of(v).serves(apiVersion, kind))
            .max(Comparator.naturalOrder());
    if (row.isPresent()
        && !row.get().removedIn().isEmpty()
        && !after(row.get().removedIn(), target)) {
      return new Verdict(
          Status.REMOVED, key + " was removed in Kubernetes " + row.get().removedIn() + use);
    }
    if (lastServing.isPresent()) {
      KubernetesVersion removedIn =
          data.releases.keySet().stream()
              .filter(v -> v.compareTo(lastServing.get()) > 0)
              .findFirst()
              .orElse(target);
      return new Verdict(Status.REMOVED, key + " was removed in Kubernetes " + removedIn + use);
    }
    Optional<KubernetesVersion> firstServing =
        data.releases.keySet().stream()
            .filter(v -> v.compareTo(target) > 0 && KubernetesApi.of(v).serves(apiVersion, kind))
            .findFirst();
    return new Verdict(
        Status.REMOVED,
        key
            + " is not served by Kubernetes "
            + target
            + firstServing.map(v -> " (first served in " + v + ")").orElse("")
            + use);
  }

  private static boolean after(String release, KubernetesVersion target) {
    return KubernetesVersion.parse(release).map(v -> v.compareTo(target) > 0).orElse(true);
  }

  /**
   * The table's replacement when {@code target} serves it, else the most stable version of the kind
   * it serves.
   */
  private Optional<String> replacement(
      KubernetesVersion target,
      String apiVersion,
      String kind,
      Optional<BundledApis.Lifecycle> row) {
    KubernetesApi api = KubernetesApi.of(target);
    if (row.isPresent()
        && !row.get().replacement().isEmpty()
        && api.serves(row.get().replacement(), kind)) {
      return Optional.of(row.get().replacement());
    }
    String group = group(apiVersion);
    Optional<String> best = Optional.empty();
    for (String served : api.servedKinds()) {
      int space = served.indexOf(' ');
      String v = served.substring(0, space);
      if (served.substring(space + 1).equals(kind)
          && !v.equals(apiVersion)
          && (best.isEmpty() || better(v, best.get(), group))) {
        best = Optional.of(v);
      }
    }
    return best;
  }

  /** Same group first, then GA over beta over alpha, then the higher version. */
  private static boolean better(String a, String b, String group) {
    boolean sameA = group(a).equals(group);
    boolean sameB = group(b).equals(group);
    if (sameA != sameB) {
      return sameA;
    }
    return rank(a) > rank(b) || rank(a) == rank(b) && a.compareTo(b) < 0;
  }

  private static long rank(String apiVersion) {
    Matcher m = API_VERSION.matcher(apiVersion.substring(apiVersion.indexOf('/') + 1));
    if (!m.matches()) {
      return 0;
    }
    long stage = m.group(2) == null ? 3 : m.group(2).equals("beta") ? 2 : 1;
    long sub = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    return stage * 100_000_000L + Long.parseLong(m.group(1)) * 10_000 + sub;
  }
}
