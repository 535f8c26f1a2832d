package dev.kubegenerate.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which existing objects become one entry, and of which template: a Deployment with its
 * HorizontalPodAutoscaler becomes an {@code autoscale} entry, with a Service of its name that
 * selects its pods a {@code web} entry, alone a {@code worker}; a StatefulSet with its governing
 * Service a {@code stateful-set}; a CronJob a {@code cronjob}; every other Service, ServiceAccount,
 * ConfigMap, PodDisruptionBudget and Namespace an entry of its own template. The same object in
 * several clusters (same kind, namespace and name) is one entry, its differences overrides. An
 * object no template writes (a Secret, an Ingress, a custom resource) stays hand-written.
 */
final class Grouping {

  /**
   * One proposed entry.
   *
   * @param template the template's name
   * @param primary the object the entry is named after, per cluster
   * @param members every object the entry writes, by role ({@code Service}, ...), per cluster
   */
  record Group(
      String template, Map<String, Original> primary, Map<String, Map<String, Original>> members) {}

  /**
   * @param groups the entries, in the order of their first object
   * @param handwritten the objects no template writes, with the reason
   */
  record Result(List<Group> groups, Map<Original, String> handwritten) {}

  private static final List<String> OWN_TEMPLATE =
      List.of(
          "Service",
          "ServiceAccount",
          "ConfigMap",
          "PodDisruptionBudget",
          "Namespace",
          "Ingress",
          "NetworkPolicy",
          "PersistentVolumeClaim");

  private Grouping() {}

  static Result of(List<Original> originals) {
    // every object by cluster and key
    Map<String, Map<String, Original>> byKey = new LinkedHashMap<>();
    for (Original o : originals) {
      byKey.computeIfAbsent(o.key(), k -> new LinkedHashMap<>()).put(o.cluster(), o);
    }
    List<Group> groups = new ArrayList<>();
    Map<Original, String> handwritten = new LinkedHashMap<>();
    java.util.Set<String> absorbed = new java.util.HashSet<>();
    for (Map.Entry<String, Map<String, Original>> e : byKey.entrySet()) {
      Original any = e.getValue().values().iterator().next();
      boolean current =
          any.apiVersion().equals(any.kind().equals("CronJob") ? "batch/v1" : "apps/v1");
      switch (any.kind()) {
        case "Deployment" -> {
          if (current) {
            groups.add(deployment(e.getValue(), originals, absorbed));
          }
        }
        case "StatefulSet" -> {
          if (current) {
            groups.add(statefulSet(e.getValue(), originals, absorbed));
          }
        }
        case "CronJob" -> {
          if (current) {
            groups.add(single("cronjob", e.getValue()));
          }
        }
        default -> {}
      }
    }
    for (Map.Entry<String, Map<String, Original>> e : byKey.entrySet()) {
      Original any = e.getValue().values().iterator().next();
      boolean workload = List.of("Deployment", "StatefulSet", "CronJob").contains(any.kind());
      if (absorbed.contains(e.getKey())
          || (workload && groups.stream().anyMatch(g -> g.primary().equals(e.getValue())))) {
        continue;
      }
      if (any.kind().equals("Secret")) {
        e.getValue()
            .values()
            .forEach(o -> handwritten.put(o, "a Secret's data never goes into the config"));
      } else if (workload) {
        e.getValue()
            .values()
            .forEach(
                o ->
                    handwritten.put(
                        o,
                        "its template writes "
                            + (o.kind().equals("CronJob") ? "batch/v1" : "apps/v1")
                            + ", and moving it from "
                            + o.apiVersion()
                            + " would change the object"));
      } else if (!builtIn(any)) {
        e.getValue()
            .values()
            .forEach(
                o ->
                    handwritten.put(
                        o, "no template writes " + o.apiVersion() + " " + o.kind() + " objects"));
      } else if (OWN_TEMPLATE.contains(any.kind())) {
        groups.add(single(template(any.kind()), e.getValue()));
      } else {
        e.getValue()
            .values()
            .forEach(o -> handwritten.put(o, "no template writes " + o.kind() + " objects"));
      }
    }
    return new Result(groups, handwritten);
  }

  /** Whether the object is of a kind of Kubernetes' own group that a template writes. */
  private static boolean builtIn(Original o) {
    return switch (o.kind()) {
      case "Service", "ServiceAccount", "ConfigMap", "Namespace", "PersistentVolumeClaim" ->
          o.apiVersion().equals("v1");
      case "PodDisruptionBudget" -> o.apiVersion().equals("policy/v1");
      case "Ingress", "NetworkPolicy" -> o.apiVersion().equals("networking.k8s.io/v1");
      default -> false;
    };
  }

  private static String template(String kind) {
    return switch (kind) {
      case "Service" -> "service";
      case "ServiceAccount" -> "service-account";
      case "ConfigMap" -> "config-map";
      case "PodDisruptionBudget" -> "pod-disruption-budget";
      case "Ingress" -> "ingress";
      case "NetworkPolicy" -> "network-policy";
      case "PersistentVolumeClaim" -> "persistent-volume-claim";
      default -> "namespace";
    };
  }

  private static Group single(String template, Map<String, Original> byCluster) {
    return new Group(template, byCluster, Map.of());
  }

  private static Group deployment(
      Map<String, Original> byCluster, List<Original> all, java.util.Set<String> absorbed) {
    Map<String, Map<String, Original>> members = new LinkedHashMap<>();
    for (Original workload : byCluster.values()) {
      Map<String, Original> own =
          members.computeIfAbsent(workload.cluster(), c -> new LinkedHashMap<>());
      for (Original o : all) {
        if (!o.cluster().equals(workload.cluster())
            || !Objects.equals(o.namespace(), workload.namespace())) {
          continue;
        }
        if (o.kind().equals("HorizontalPodAutoscaler")
            && o.apiVersion().equals("autoscaling/v2")
            && "Deployment".equals(Maps.at(o.body(), "spec", "scaleTargetRef", "kind"))
            && workload.name().equals(Maps.at(o.body(), "spec", "scaleTargetRef", "name"))) {
          own.put("HorizontalPodAutoscaler", o);
        } else if (fronts(o, workload)) {
          own.put("Service", o);
        }
      }
    }
    boolean autoscaled =
        members.values().stream().anyMatch(m -> m.containsKey("HorizontalPodAutoscaler"));
    boolean served = members.values().stream().anyMatch(m -> m.containsKey("Service"));
    members.values().forEach(m -> m.values().forEach(o -> absorbed.add(o.key())));
    String template = autoscaled ? "autoscale" : served ? "web" : "worker";
    return new Group(template, byCluster, members);
  }

  private static Group statefulSet(
      Map<String, Original> byCluster, List<Original> all, java.util.Set<String> absorbed) {
    Map<String, Map<String, Original>> members = new LinkedHashMap<>();
    for (Original workload : byCluster.values()) {
      Object governing = Maps.at(workload.body(), "spec", "serviceName");
      Map<String, Original> own =
          members.computeIfAbsent(workload.cluster(), c -> new LinkedHashMap<>());
      for (Original o : all) {
        if (o.cluster().equals(workload.cluster())
            && Objects.equals(o.namespace(), workload.namespace())
            && o.name().equals(governing)
            && fronts(o, workload)) {
          own.put("Service", o);
          absorbed.add(o.key());
        }
      }
    }
    return new Group("stateful-set", byCluster, members);
  }

  /**
   * Whether {@code service} is the workload's own: a v1 Service of its name whose selector is
   * exactly the workload's selector.
   */
  private static boolean fronts(Original service, Original workload) {
    return service.kind().equals("Service")
        && service.apiVersion().equals("v1")
        && service.name().equals(workload.name())
        && Maps.at(service.body(), "spec", "selector") != null
        && Objects.equals(
            Maps.map(Maps.at(service.body(), "spec", "selector")),
            Maps.map(Maps.at(workload.body(), "spec", "selector", "matchLabels")));
  }
}
