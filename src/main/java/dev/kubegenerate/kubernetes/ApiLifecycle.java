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
    /**
     * Not served, and not removed either: first served by a later release, or by no bundled release
     * at all (a misspelt apiVersion, or one removed before the oldest bundled release that the
     * lifecycle table does not list).
     */
    NOT_SERVED,
    /** A kind no bundled release serves in any version: a misspelling. */
    UNKNOWN_KIND,
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
    String shown = shown(apiVersion, kind);
    if (!isBuiltIn(apiVersion)) {
      return new Verdict(Status.CUSTOM, "");
    }
    Optional<BundledApis.Lifecycle> row = Optional.ofNullable(data.lifecycle.get(key));
    KubernetesApi api = KubernetesApi.of(target);
    if (api.serves(apiVersion, kind)) {
      return served(target, apiVersion, kind, row);
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
          Status.REMOVED, shown + " was removed in Kubernetes " + row.get().removedIn() + use);
    }
    if (lastServing.isPresent()) {
      KubernetesVersion removedIn =
          data.releases.keySet().stream()
              .filter(v -> v.compareTo(lastServing.get()) > 0)
              .findFirst()
              .orElse(target);
      return new Verdict(Status.REMOVED, shown + " was removed in Kubernetes " + removedIn + use);
    }
    Optional<KubernetesVersion> firstServing =
        data.releases.keySet().stream()
            .filter(v -> v.compareTo(target) > 0 && KubernetesApi.of(v).serves(apiVersion, kind))
            .findFirst();
    if (firstServing.isPresent()) {
      return new Verdict(
          Status.NOT_SERVED,
          shown
              + " is not served by Kubernetes "
              + target
              + " (first served in "
              + firstServing.get()
              + ")"
              + use);
    }
    if (!KindNames.get().known(kind)) {
      return new Verdict(
          Status.UNKNOWN_KIND,
          shown
              + " is not a kind Kubernetes "
              + target
              + " serves"
              + KindNames.get()
                  .nearest(api, apiVersion, kind)
                  .map(k -> " (did you mean " + k + "?)")
                  .orElse(""));
    }
    return new Verdict(
        Status.NOT_SERVED,
        shown
            + " is not served by Kubernetes "
            + target
            + " nor by any release from "
            + data.releases.keySet().iterator().next()
            + " to "
            + KubernetesApi.newest()
            + use);
  }

  /**
   * The verdict on an API the target serves: deprecated by the lifecycle table, or removed by a
   * later bundled release. The table's removal release is told only when no bundled release from it
   * on still serves the API: the release's own API document wins over the table.
   */
  private Verdict served(
      KubernetesVersion target,
      String apiVersion,
      String kind,
      Optional<BundledApis.Lifecycle> row) {
    String shown = shown(apiVersion, kind);
    if (row.isPresent()
        && !row.get().deprecatedIn().isEmpty()
        && !after(row.get().deprecatedIn(), target)) {
      // the release that removes it is what a team plans by; the table's deprecation release is
      // not always exact
      String removedIn = row.get().removedIn();
      String removal =
          removedIn.isEmpty() || servedFrom(removedIn, apiVersion, kind)
              ? ""
              : " and removed in Kubernetes " + removedIn;
      return new Verdict(
          Status.DEPRECATED,
          shown
              + " is deprecated"
              + removal
              + replacement(target, apiVersion, kind, row).map(r -> "; use " + r).orElse(""));
    }
    for (KubernetesVersion later : data.releases.keySet()) {
      if (later.compareTo(target) > 0 && !KubernetesApi.of(later).serves(apiVersion, kind)) {
        return new Verdict(
            Status.DEPRECATED,
            shown
                + " is removed in Kubernetes "
                + later
                + replacement(later, apiVersion, kind, row).map(r -> "; use " + r).orElse(""));
      }
    }
    return new Verdict(Status.SERVED, "");
  }

  /** Whether a bundled release from {@code release} on serves the API. */
  private boolean servedFrom(String release, String apiVersion, String kind) {
    Optional<KubernetesVersion> from = KubernetesVersion.parse(release);
    return from.isPresent()
        && data.releases.keySet().stream()
            .anyMatch(
                v -> v.compareTo(from.get()) >= 0 && KubernetesApi.of(v).serves(apiVersion, kind));
  }

  /** The apiVersion and kind as a message shows them, each cut to a bounded length. */
  private static String shown(String apiVersion, String kind) {
    return ValueChecks.cut(apiVersion) + " " + ValueChecks.cut(kind);
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
    if (row.isPresent()
        && !row.get().replacement().isEmpty()
        && api.serves(row.get().replacement(), kind)) {
      String table = row.get().replacement();
      // the table names the replacement of its day; a more stable version of the same group the
      // target serves is the better advice (resource.k8s.io/v1 over v1beta2)
      return best.filter(b -> group(b).equals(group(table)) && rank(b) > rank(table))
          .or(() -> Optional.of(table));
    }
    return best;
  }

  /** Same group first, then GA over beta over alpha, then the higher version. */
  static boolean better(String a, String b, String group) {
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
