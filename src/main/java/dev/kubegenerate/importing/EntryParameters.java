package dev.kubegenerate.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one proposed entry in one cluster, read off the objects it replaces: the
 * objects' own names, namespace, labels and selector, everything a parameter can say, and every
 * default the template would add that the objects do not have turned off with {@code null}.
 * Whatever is left over is for patches ({@link Residual}).
 */
final class EntryParameters {

  private EntryParameters() {}

  /** The parameters of {@code group}'s entry for {@code cluster}. */
  static Map<String, Object> of(Grouping.Group group, String cluster) {
    Original primary = group.primary().get(cluster);
    Map<String, Original> members = group.members().getOrDefault(cluster, Map.of());
    Map<String, Object> out = identity(primary);
    Map<String, Object> body = primary.body();
    switch (group.template()) {
      case "autoscale", "web", "worker" -> {
        workload(body, out, group.template().equals("autoscale") ? "http" : "http");
        deployment(body, out, !group.template().equals("autoscale"));
        out.put("disruptionBudget", null);
        Original hpa = members.get("HorizontalPodAutoscaler");
        if (hpa != null) {
          autoscaler(hpa.body(), out);
        }
        Original service = members.get("Service");
        if (service != null) {
          service(service.body(), primary.body(), out);
        }
      }
      case "stateful-set" -> {
        workload(body, out, "tcp");
        statefulSet(body, out);
        Original service = members.get("Service");
        if (service != null) {
          service(service.body(), primary.body(), out);
          out.putIfAbsent("clusterIP", null);
        }
      }
      case "cronjob" -> cronJob(body, out);
      case "service" -> {
        out.put("selectorLabels", Maps.at(body, "spec", "selector"));
        service(body, body, out);
        out.putIfAbsent("clusterIP", null);
      }
      case "service-account" -> {
        out.put("automountToken", body.getOrDefault("automountServiceAccountToken", null));
        List<Object> secrets = new ArrayList<>();
        Maps.list(body.get("imagePullSecrets")).forEach(s -> secrets.add(Maps.map(s).get("name")));
        Maps.putIfPresent(out, "imagePullSecrets", secrets);
      }
      case "config-map" -> {
        out.put("data", body.getOrDefault("data", Map.of()));
        Maps.putIfPresent(out, "immutable", body.get("immutable"));
      }
      case "pod-disruption-budget" -> {
        out.put("selectorLabels", Maps.at(body, "spec", "selector", "matchLabels"));
        Object min = Maps.at(body, "spec", "minAvailable");
        if (min != null) {
          out.put("minAvailable", min);
          out.put("maxUnavailable", null);
        } else {
          out.put("maxUnavailable", Maps.at(body, "spec", "maxUnavailable"));
        }
      }
      case "ingress" -> {
        Maps.putIfPresent(out, "className", Maps.at(body, "spec", "ingressClassName"));
        Maps.putIfPresent(out, "rules", Maps.at(body, "spec", "rules"));
        Maps.putIfPresent(out, "tlsEntries", Maps.at(body, "spec", "tls"));
        Maps.putIfPresent(out, "defaultBackend", Maps.at(body, "spec", "defaultBackend"));
        out.put("tls", null);
      }
      case "persistent-volume-claim" -> {
        Map<String, Object> spec = Maps.map(body.get("spec"));
        out.put("storage", Maps.at(spec, "resources", "requests", "storage"));
        out.put("accessModes", spec.getOrDefault("accessModes", null));
        Maps.putIfPresent(out, "storageClassName", spec.get("storageClassName"));
        Maps.putIfPresent(out, "volumeMode", spec.get("volumeMode"));
        Maps.putIfPresent(out, "volumeName", spec.get("volumeName"));
      }
      case "network-policy" -> {
        out.put("selectorLabels", Maps.at(body, "spec", "podSelector", "matchLabels"));
        out.put("defaultDeny", false);
      }
      case "namespace" -> {
        out.remove("objectName");
        out.remove("namespace");
        out.put("namespace", primary.name());
        Map<String, Object> labels = Maps.map(Maps.at(body, "metadata", "labels"));
        Object enforce = labels.remove("pod-security.kubernetes.io/enforce");
        out.put("podSecurity", enforce);
        if (labels.isEmpty()) {
          out.remove("labels");
        } else {
          out.put("labels", labels);
        }
      }
      default -> throw new IllegalArgumentException("no parameters for " + group.template());
    }
    return out;
  }

  /**
   * The defaults a template adds that {@code --with-defaults} keeps, as parameters that turn one
   * off.
   */
  private static final List<String> DEFAULTS =
      List.of(
          "resources",
          "probes",
          "preStopSleep",
          "writableTmp",
          "topologySpread",
          "automountServiceAccountToken",
          "readOnlyRootFilesystem",
          "securityContext",
          "podSecurityContext",
          "disruptionBudget",
          "recommendedLabels",
          "strategy");

  /**
   * The parameters with the templates' defaults kept ({@code --with-defaults}): what turned a
   * default off goes, so the platform's standards come in the same pull request, each listed.
   */
  static Map<String, Object> keepingDefaults(Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>(params);
    for (String key : DEFAULTS) {
      Object value = out.get(key);
      if (value == null || Boolean.FALSE.equals(value)) {
        out.remove(key);
      } else if (value instanceof Map<?, ?> map) {
        Map<String, Object> kept = new LinkedHashMap<>();
        map.forEach(
            (k, v) -> {
              if (v != null) {
                kept.put(String.valueOf(k), v);
              }
            });
        out.put(key, kept);
      }
    }
    for (String containers : List.of("sidecars", "initContainers")) {
      if (out.get(containers) instanceof List<?> list) {
        List<Object> kept = new ArrayList<>();
        for (Object c : list) {
          Map<String, Object> container = new LinkedHashMap<>(Maps.map(c));
          container.remove("securityContext", null);
          kept.add(container);
        }
        out.put(containers, kept);
      }
    }
    return out;
  }

  /** What every entry shares: the objects' name, namespace, labels and annotations. */
  private static Map<String, Object> identity(Original o) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("objectName", o.name());
    out.put("namespace", o.namespace().orElse(null));
    Maps.putIfPresent(out, "labels", Maps.at(o.body(), "metadata", "labels"));
    Maps.putIfPresent(out, "annotations", Maps.at(o.body(), "metadata", "annotations"));
    out.put("recommendedLabels", false);
    return out;
  }

  private static void workload(Map<String, Object> body, Map<String, Object> out, String port) {
    Map<String, Object> selector = Maps.map(Maps.at(body, "spec", "selector", "matchLabels"));
    out.put("selectorLabels", selector);
    Map<String, Object> objectLabels = Maps.map(Maps.at(body, "metadata", "labels"));
    out.putAll(
        new PodParameters(port)
            .of(Maps.map(Maps.at(body, "spec", "template")), selector, objectLabels));
    Object image = out.get("image");
    if (image instanceof String s && !dev.kubegenerate.template.Images.isPinned(s)) {
      out.put("imagePinned", false);
    }
  }

  /** A Deployment's own fields: replicas (unless an autoscaler owns them) and the rollout. */
  private static void deployment(
      Map<String, Object> body, Map<String, Object> out, boolean replicas) {
    Map<String, Object> spec = Maps.map(body.get("spec"));
    if (replicas) {
      out.put("replicas", spec.getOrDefault("replicas", null));
    }
    Map<String, Object> strategy = Maps.map(spec.get("strategy"));
    Map<String, Object> rolling = Maps.map(strategy.get("rollingUpdate"));
    boolean rollingOnly =
        !strategy.isEmpty()
            && "RollingUpdate".equals(strategy.getOrDefault("type", "RollingUpdate"))
            && strategy.keySet().stream()
                .allMatch(k -> k.equals("type") || k.equals("rollingUpdate"))
            && strategy.containsKey("type");
    if (strategy.isEmpty()) {
      out.put("strategy", null);
    } else if (rollingOnly) {
      out.put("maxSurge", rolling.getOrDefault("maxSurge", null));
      out.put("maxUnavailable", rolling.getOrDefault("maxUnavailable", null));
    } else {
      out.put("strategy", strategy);
    }
    for (String field :
        List.of("minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds")) {
      Maps.putIfPresent(out, field, spec.get(field));
    }
  }

  private static void autoscaler(Map<String, Object> hpa, Map<String, Object> out) {
    Map<String, Object> spec = Maps.map(hpa.get("spec"));
    out.put("replicas", spec.getOrDefault("minReplicas", null));
    out.put("maxReplicas", spec.get("maxReplicas"));
    out.put("targetCPUUtilization", null);
    for (Object metric : Maps.list(spec.get("metrics"))) {
      Map<String, Object> resource = Maps.map(Maps.map(metric).get("resource"));
      Map<String, Object> target = Maps.map(resource.get("target"));
      boolean utilization =
          "Resource".equals(Maps.map(metric).get("type"))
              && "Utilization".equals(target.get("type"))
              && target.get("averageUtilization") != null;
      if (utilization && "cpu".equals(resource.get("name"))) {
        out.put("targetCPUUtilization", target.get("averageUtilization"));
      } else if (utilization && "memory".equals(resource.get("name"))) {
        out.put("targetMemoryUtilization", target.get("averageUtilization"));
      }
    }
    Maps.putIfPresent(out, "behavior", spec.get("behavior"));
  }

  /** A Service's own fields, as the service fragment's parameters. */
  private static void service(
      Map<String, Object> service, Map<String, Object> primary, Map<String, Object> out) {
    Map<String, Object> spec = Maps.map(service.get("spec"));
    out.put("serviceType", spec.getOrDefault("type", null));
    Maps.putIfPresent(out, "servicePorts", spec.get("ports"));
    if (!spec.containsKey("ports")) {
      out.put("servicePort", null);
    }
    for (String field :
        List.of(
            "clusterIP",
            "externalTrafficPolicy",
            "sessionAffinity",
            "loadBalancerSourceRanges",
            "publishNotReadyAddresses")) {
      Maps.putIfPresent(out, field, spec.get(field));
    }
    Map<String, Object> annotations =
        new LinkedHashMap<>(Maps.map(Maps.at(service, "metadata", "annotations")));
    Maps.map(Maps.at(primary, "metadata", "annotations")).forEach(annotations::remove);
    Maps.putIfPresent(out, "serviceAnnotations", annotations);
  }

  private static void statefulSet(Map<String, Object> body, Map<String, Object> out) {
    Map<String, Object> spec = Maps.map(body.get("spec"));
    out.put("replicas", spec.getOrDefault("replicas", null));
    Object serviceName = spec.get("serviceName");
    if (serviceName != null && !serviceName.equals(Maps.at(body, "metadata", "name"))) {
      out.put("serviceName", serviceName);
    }
    for (String field :
        List.of(
            "podManagementPolicy",
            "updateStrategy",
            "volumeClaimTemplates",
            "persistentVolumeClaimRetentionPolicy",
            "minReadySeconds",
            "revisionHistoryLimit")) {
      Maps.putIfPresent(out, field, spec.get(field));
    }
    out.put("disruptionBudget", null);
  }

  private static void cronJob(Map<String, Object> body, Map<String, Object> out) {
    Map<String, Object> spec = Maps.map(body.get("spec"));
    Map<String, Object> job = Maps.map(Maps.at(spec, "jobTemplate", "spec"));
    Map<String, Object> pod = Maps.map(job.get("template"));
    Map<String, Object> selector = Maps.map(Maps.at(pod, "metadata", "labels"));
    out.put("selectorLabels", selector);
    out.putAll(
        new PodParameters("http").of(pod, selector, Maps.map(Maps.at(body, "metadata", "labels"))));
    out.put("schedule", spec.get("schedule"));
    Maps.putIfPresent(out, "timeZone", spec.get("timeZone"));
    out.put("concurrencyPolicy", spec.getOrDefault("concurrencyPolicy", null));
    Maps.putIfPresent(out, "startingDeadlineSeconds", spec.get("startingDeadlineSeconds"));
    out.put("suspend", spec.getOrDefault("suspend", null));
    out.put("replicas", job.getOrDefault("parallelism", job.getOrDefault("completions", null)));
    out.put("backoffLimit", job.getOrDefault("backoffLimit", null));
    Maps.putIfPresent(out, "activeDeadlineSeconds", job.get("activeDeadlineSeconds"));
    out.put("ttlSecondsAfterFinished", job.getOrDefault("ttlSecondsAfterFinished", null));
    Object image = out.get("image");
    if (image instanceof String s && !dev.kubegenerate.template.Images.isPinned(s)) {
      out.put("imagePinned", false);
    }
  }
}
