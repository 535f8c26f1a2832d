package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.template.TemplateSpec;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two entries whose pods the other's selectors would match. Pod templates select on {@code
 * app.kubernetes.io/name} and {@code app.kubernetes.io/component} only, so two pod-creating entries
 * overlap exactly when they share a cluster, a namespace and a component; their Deployments would
 * fight over each other's pods and their Services would route to both. Selectors are immutable in
 * Kubernetes, so this is refused before anything is applied.
 */
final class SelectorOverlap {

  /** A pod-creating entry with its parameters per cluster. */
  record Workload(Entry entry, TemplateSpec template, Map<String, Map<String, Object>> params) {}

  private SelectorOverlap() {}

  static void check(Config config, List<Workload> workloads, Set<Problem> problems) {
    pods(config, workloads, problems);
    budgets(config, workloads, problems);
    defaultDenies(config, workloads, problems);
  }

  /**
   * The network-policy template's default deny is one object per namespace: one entry writes it.
   */
  private static void defaultDenies(
      Config config, List<Workload> workloads, Set<Problem> problems) {
    Map<String, Workload> seen = new HashMap<>();
    for (Workload w : workloads) {
      if (!w.template().name().equals("network-policy")) {
        continue;
      }
      for (Map.Entry<String, Map<String, Object>> byCluster : w.params().entrySet()) {
        if (!Boolean.TRUE.equals(byCluster.getValue().get("defaultDeny"))) {
          continue;
        }
        String namespace = Generator.namespace(config, byCluster.getValue());
        Workload earlier = seen.putIfAbsent(byCluster.getKey() + "\n" + namespace, w);
        if (earlier != null && earlier != w) {
          problems.add(
              YamlNodes.at(
                  config.shownAs(),
                  w.entry().templateNode(),
                  "this network-policy entry writes "
                      + config.app()
                      + "-default-deny in namespace "
                      + namespace
                      + ", as does the one on line "
                      + earlier.entry().line()
                      + "; set defaultDeny: false on all but one"));
          break;
        }
      }
    }
  }

  private static void pods(Config config, List<Workload> workloads, Set<Problem> problems) {
    Map<String, Workload> seen = new HashMap<>();
    for (Workload w : workloads) {
      if (!w.template().createsPods()) {
        continue;
      }
      boolean reported = false;
      for (Map.Entry<String, Map<String, Object>> byCluster : w.params().entrySet()) {
        String component = Generator.component(w.template(), byCluster.getValue());
        String namespace = Generator.namespace(config, byCluster.getValue());
        Workload earlier =
            seen.putIfAbsent(byCluster.getKey() + "\n" + namespace + "\n" + component, w);
        if (earlier != null && earlier != w && !reported) {
          reported = true;
          problems.add(
              YamlNodes.at(
                  config.shownAs(),
                  w.entry().templateNode(),
                  "this "
                      + w.template().name()
                      + " entry's pods carry app.kubernetes.io/component: "
                      + component
                      + " in namespace "
                      + namespace
                      + ", as do those of the "
                      + earlier.template().name()
                      + " entry on line "
                      + earlier.entry().line()
                      + ", so each one's selectors would match the other's pods; give one of them a different name"
                      + " (selectors cannot change once applied)"));
        }
      }
    }
  }

  /**
   * Two PodDisruptionBudgets over the same pods make Kubernetes refuse every eviction of them,
   * which blocks node drains: a standalone budget for a component whose autoscale or grpc entry
   * writes its own is an error.
   */
  private static void budgets(Config config, List<Workload> workloads, Set<Problem> problems) {
    Map<String, Workload> seen = new HashMap<>();
    for (Workload w : workloads) {
      if (w.template().bodies().stream().noneMatch(b -> b.name().equals(BUDGET_BODY))) {
        continue;
      }
      boolean reported = false;
      for (Map.Entry<String, Map<String, Object>> byCluster : w.params().entrySet()) {
        if (Boolean.FALSE.equals(byCluster.getValue().get("disruptionBudget"))) {
          continue;
        }
        String component = Generator.component(w.template(), byCluster.getValue());
        Workload earlier =
            seen.putIfAbsent(
                byCluster.getKey()
                    + "\n"
                    + Generator.namespace(config, byCluster.getValue())
                    + "\n"
                    + component,
                w);
        if (earlier != null && earlier != w && !reported) {
          reported = true;
          problems.add(
              YamlNodes.at(
                  config.shownAs(),
                  w.entry().templateNode(),
                  "this "
                      + w.template().name()
                      + " entry writes a PodDisruptionBudget for component "
                      + component
                      + ", as does the "
                      + earlier.template().name()
                      + " entry on line "
                      + earlier.entry().line()
                      + "; pods under two budgets can never be evicted, so drop one"
                      + " (disruptionBudget: false on an autoscale or grpc entry)"));
        }
      }
    }
  }

  private static final String BUDGET_BODY = "pod-disruption-budget";
}
