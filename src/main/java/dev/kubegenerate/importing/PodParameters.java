package dev.kubegenerate.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared pod template's parameters that reproduce a pod template an app already has: every
 * field a parameter can say is said with it, and every default the template would add that the pod
 * does not have is turned off with {@code null}, so the first deploy changes nothing that runs.
 * What no parameter says is left to patches.
 */
final class PodParameters {

  /** The container port name each template gives its single {@code port}. */
  private final String portName;

  PodParameters(String portName) {
    this.portName = portName;
  }

  /**
   * @param pod the pod template ({@code spec.template} of a workload)
   * @param selector the workload's selector labels, which the pods carry without saying so
   * @param objectLabels the labels every object of the entry carries ({@code labels}), which the
   *     pods carry too
   */
  Map<String, Object> of(
      Map<String, Object> pod, Map<String, Object> selector, Map<String, Object> objectLabels) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> meta = Maps.map(pod.get("metadata"));
    Map<String, Object> spec = Maps.map(pod.get("spec"));
    List<Object> containers = Maps.list(spec.get("containers"));
    Map<String, Object> main = containers.isEmpty() ? Map.of() : Maps.map(containers.get(0));

    Map<String, Object> podLabels = new LinkedHashMap<>(Maps.map(meta.get("labels")));
    selector.keySet().forEach(podLabels::remove);
    objectLabels.forEach((k, v) -> podLabels.remove(k, v));
    if (!podLabels.isEmpty()) {
      out.put("podLabels", podLabels);
    }
    Maps.putIfPresent(out, "podAnnotations", meta.get("annotations"));

    out.put("containerName", main.get("name"));
    out.put("image", main.get("image"));
    Maps.putIfPresent(out, "imagePullPolicy", main.get("imagePullPolicy"));
    Maps.putIfPresent(out, "command", main.get("command"));
    Maps.putIfPresent(out, "args", main.get("args"));
    env(main.get("env"), out);
    Maps.putIfPresent(out, "envFrom", main.get("envFrom"));
    ports(main.get("ports"), out);
    out.put("resources", main.getOrDefault("resources", null));
    probes(main, out);
    if (main.containsKey("lifecycle")) {
      out.put("lifecycle", main.get("lifecycle"));
    }
    out.put("preStopSleep", null);
    Maps.putIfPresent(out, "volumeMounts", main.get("volumeMounts"));
    containerSecurity(main, out);

    List<Object> sidecars = new ArrayList<>();
    for (int i = 1; i < containers.size(); i++) {
      sidecars.add(withoutDefaultSecurity(containers.get(i)));
    }
    if (!sidecars.isEmpty()) {
      out.put("sidecars", sidecars);
    }
    List<Object> inits = new ArrayList<>();
    for (Object init : Maps.list(spec.get("initContainers"))) {
      inits.add(withoutDefaultSecurity(init));
    }
    if (!inits.isEmpty()) {
      out.put("initContainers", inits);
    }

    if (spec.containsKey("serviceAccountName")) {
      out.put("serviceAccount", spec.get("serviceAccountName"));
    } else if (spec.containsKey("serviceAccount")) {
      out.put("serviceAccount", spec.get("serviceAccount"));
    }
    out.put(
        "automountServiceAccountToken", spec.getOrDefault("automountServiceAccountToken", null));
    podSecurity(spec, out);
    Maps.putIfPresent(out, "volumes", spec.get("volumes"));
    out.put("writableTmp", null);
    Maps.putIfPresent(out, "nodeSelector", spec.get("nodeSelector"));
    Maps.putIfPresent(out, "tolerations", spec.get("tolerations"));
    Maps.putIfPresent(out, "affinity", spec.get("affinity"));
    Maps.putIfPresent(out, "priorityClassName", spec.get("priorityClassName"));
    Maps.putIfPresent(
        out, "terminationGracePeriodSeconds", spec.get("terminationGracePeriodSeconds"));
    out.put("topologySpread", null);
    return out;
  }

  /** {@code env} keeps the variables' order; a value is a string, else {@code {valueFrom}}. */
  private static void env(Object env, Map<String, Object> out) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (Object item : Maps.list(env)) {
      Map<String, Object> var = Maps.map(item);
      Object name = var.get("name");
      if (name == null || vars.containsKey(String.valueOf(name))) {
        return; // a nameless or repeated variable cannot be a map's key: leave it to a patch
      }
      if (var.containsKey("valueFrom")) {
        vars.put(String.valueOf(name), Map.of("valueFrom", var.get("valueFrom")));
      } else {
        vars.put(
            String.valueOf(name), var.get("value") == null ? "" : String.valueOf(var.get("value")));
      }
    }
    if (!vars.isEmpty()) {
      out.put("env", vars);
    }
  }

  /**
   * The template's single {@code port} when the first container port is exactly the one it writes
   * (named after the template, TCP), else every port as written, in {@code ports}.
   */
  private void ports(Object ports, Map<String, Object> out) {
    List<Object> all = Maps.list(ports);
    if (!all.isEmpty()) {
      Map<String, Object> first = Maps.map(all.get(0));
      boolean named =
          portName.equals(first.get("name"))
              && (first.get("protocol") == null || "TCP".equals(first.get("protocol")))
              && first.size() <= 3;
      if (named) {
        out.put("port", first.get("containerPort"));
        if (all.size() > 1) {
          out.put("ports", new ArrayList<>(all.subList(1, all.size())));
        }
        return;
      }
    }
    out.put("port", null);
    if (!all.isEmpty()) {
      out.put("ports", all);
    }
  }

  /** Probes as written; a kind the pod does not have is turned off, so no default appears. */
  private static void probes(Map<String, Object> main, Map<String, Object> out) {
    Map<String, Object> probes = new LinkedHashMap<>();
    boolean any = false;
    for (String kind : List.of("startup", "readiness", "liveness")) {
      Object probe = main.get(kind + "Probe");
      probes.put(kind, probe);
      any |= probe != null;
    }
    out.put("probes", any ? probes : null);
  }

  /**
   * The main container's securityContext: its own fields laid over the template's defaults, and
   * each default it does not have turned off; none at all when it has none.
   */
  private static void containerSecurity(Map<String, Object> main, Map<String, Object> out) {
    out.put("readOnlyRootFilesystem", null);
    if (!main.containsKey("securityContext")) {
      out.put("securityContext", null);
      return;
    }
    Map<String, Object> security = new LinkedHashMap<>(Maps.map(main.get("securityContext")));
    for (String field : List.of("allowPrivilegeEscalation", "capabilities")) {
      security.putIfAbsent(field, null);
    }
    out.put("securityContext", security);
  }

  /** The pod's securityContext, as {@link #containerSecurity} does the container's. */
  private static void podSecurity(Map<String, Object> spec, Map<String, Object> out) {
    if (!spec.containsKey("securityContext")) {
      out.put("podSecurityContext", null);
      return;
    }
    Map<String, Object> security = new LinkedHashMap<>(Maps.map(spec.get("securityContext")));
    for (String field : List.of("runAsNonRoot", "seccompProfile")) {
      security.putIfAbsent(field, null);
    }
    out.put("podSecurityContext", security);
  }

  /**
   * A sidecar or init container as written; without a securityContext of its own it says so, or the
   * template would give it the restricted one.
   */
  private static Object withoutDefaultSecurity(Object container) {
    Map<String, Object> out = new LinkedHashMap<>(Maps.map(container));
    out.putIfAbsent("securityContext", null);
    return out;
  }
}
