package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.template.TemplateSpec;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two entries whose pods the other's selectors would match. By default pod templates select on
 * {@code app.kubernetes.io/name} and {@code app.kubernetes.io/component} only, so two pod-creating
 * entries overlap when they share a cluster, a namespace and a component; with {@code
 * selectorLabels}, when one's selector is part of the other's pod labels. Their workloads would
 * fight over each other's pods and their Services would route to both. Selectors are immutable in
 * Kubernetes, so this is refused before anything is applied. A standalone Service may select the
 * pods of several entries (versions of one service behind one Service): it is not a workload.
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
    Map<String, List<Pods>> byPlace = new LinkedHashMap<>();
    Set<Workload> reported = new java.util.HashSet<>();
    for (Workload w : workloads) {
      if (!w.template().createsPods()) {
        continue;
      }
      for (Map.Entry<String, Map<String, Object>> byCluster : w.params().entrySet()) {
        Map<String, Object> params = byCluster.getValue();
        String namespace = Generator.namespace(config, params);
        Pods mine = new Pods(w, selector(config, w, params), podLabels(config, w, params));
        List<Pods> here =
            byPlace.computeIfAbsent(byCluster.getKey() + "\n" + namespace, k -> new ArrayList<>());
        for (Pods earlier : here) {
          if (earlier.workload() == w || !mine.overlaps(earlier) || !reported.add(w)) {
            continue;
          }
          problems.add(
              YamlNodes.at(
                  config.shownAs(), w.entry().templateNode(), message(mine, earlier, namespace)));
        }
        here.add(mine);
      }
    }
  }

  /** A pod-creating entry's selector and the labels its pods carry, in one cluster. */
  private record Pods(Workload workload, Map<String, String> selector, Map<String, String> labels) {
    boolean overlaps(Pods other) {
      return other.labels.entrySet().containsAll(selector.entrySet())
          || labels.entrySet().containsAll(other.selector.entrySet());
    }
  }

  private static String message(Pods mine, Pods earlier, String namespace) {
    Workload w = mine.workload();
    String component = mine.selector().get("app.kubernetes.io/component");
    boolean defaults =
        w.params().values().stream().noneMatch(p -> p.get("selectorLabels") instanceof Map)
            && earlier.workload().params().values().stream()
                .noneMatch(p -> p.get("selectorLabels") instanceof Map);
    String what =
        defaults && component != null
            ? "this "
                + w.template().name()
                + " entry's pods carry app.kubernetes.io/component: "
                + component
                + " in namespace "
                + namespace
                + ", as do those of the "
            : "this "
                + w.template().name()
                + " entry's selector "
                + mine.selector()
                + " and its pods' labels overlap those of the ";
    return what
        + earlier.workload().template().name()
        + " entry on line "
        + earlier.workload().entry().line()
        + (defaults ? "" : " in namespace " + namespace)
        + ", so each one's selectors would match the other's pods; give one of them a different "
        + (defaults ? "name" : "name or selectorLabels")
        + " (selectors cannot change once applied)";
  }

  /** The labels an entry's selectors match: selectorLabels, else the app and the component. */
  static Map<String, String> selector(Config config, Workload w, Map<String, Object> params) {
    Map<String, String> out = new LinkedHashMap<>();
    if (params.get("selectorLabels") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    } else {
      out.put("app.kubernetes.io/name", config.app());
      out.put("app.kubernetes.io/component", Generator.component(w.template(), params));
    }
    return out;
  }

  /** The labels the pods of an entry carry, as the shared pod template writes them. */
  private static Map<String, String> podLabels(
      Config config, Workload w, Map<String, Object> params) {
    Map<String, String> out = new LinkedHashMap<>();
    if (Boolean.TRUE.equals(params.get("recommendedLabels"))) {
      out.put("app.kubernetes.io/name", config.app());
      out.put("app.kubernetes.io/component", Generator.component(w.template(), params));
      out.put("app.kubernetes.io/managed-by", "kube-generate");
    }
    for (String key : List.of("labels", "podLabels")) {
      if (params.get(key) instanceof Map<?, ?> more) {
        more.forEach(
            (k, v) -> {
              if (v == null) {
                out.remove(String.valueOf(k));
              } else {
                out.put(String.valueOf(k), String.valueOf(v));
              }
            });
      }
    }
    out.putAll(selector(config, w, params));
    return out;
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
        // a template that can leave its budget out (false or null) writes none then
        if (w.template().parameter("disruptionBudget").isPresent()
            && !Boolean.TRUE.equals(byCluster.getValue().get("disruptionBudget"))) {
          continue;
        }
        String component =
            selector(config, w, byCluster.getValue()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        String shownComponent = Generator.component(w.template(), byCluster.getValue());
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
                      + shownComponent
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
