package dev.kubegenerate.importing;

import dev.kubegenerate.fast.JsonLiteral;
import dev.kubegenerate.template.TemplateLibrary;
import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns each group's per-cluster parameters into one entry: what every cluster shares is the
 * entry's, what differs is {@code overrides.<cluster>}; then what every entry of the templates that
 * declare a parameter shares moves to {@code values}, so the config says it once.
 */
final class Proposer {

  /** Parameters that name one entry's own objects: never shared through {@code values}. */
  private static final Set<String> OWN =
      Set.of("objectName", "selectorLabels", "containerName", "data", "schedule", "image");

  private Proposer() {}

  /**
   * @param declared the parameters the group's template declares: anything else the objects say is
   *     left to patches (an organisation's template may declare fewer than the built-in one)
   */
  static Proposal.Entry entry(
      Grouping.Group group, List<String> allClusters, Set<String> declared, boolean withDefaults) {
    List<String> clusters = new ArrayList<>();
    allClusters.forEach(
        c -> {
          if (group.primary().containsKey(c)) {
            clusters.add(c);
          }
        });
    Map<String, Map<String, Object>> byCluster = new LinkedHashMap<>();
    for (String c : clusters) {
      Map<String, Object> params = EntryParameters.of(group, c);
      if (withDefaults) {
        params = EntryParameters.keepingDefaults(params);
      }
      params.keySet().retainAll(declared);
      byCluster.put(c, params);
    }
    // an unpinned image in any cluster opts the whole entry out of pinning (the residual says so)
    boolean unpinned =
        byCluster.values().stream().anyMatch(p -> Boolean.FALSE.equals(p.get("imagePinned")));
    byCluster.values().forEach(p -> p.remove("imagePinned"));
    Set<String> keys = new LinkedHashSet<>();
    byCluster.values().forEach(p -> keys.addAll(p.keySet()));
    Map<String, Object> common = new LinkedHashMap<>();
    Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
    for (String key : keys) {
      Set<String> seen = new LinkedHashSet<>();
      for (Map<String, Object> p : byCluster.values()) {
        seen.add(p.containsKey(key) ? JsonLiteral.canonical(p.get(key)) : "<absent>");
      }
      if (seen.size() == 1 && !seen.contains("<absent>")) {
        common.put(key, byCluster.values().iterator().next().get(key));
        continue;
      }
      for (Map.Entry<String, Map<String, Object>> c : byCluster.entrySet()) {
        if (c.getValue().containsKey(key)) {
          overrides
              .computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>())
              .put(key, c.getValue().get(key));
        } else {
          // absent here, given elsewhere: null leaves it out here too
          overrides.computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>()).put(key, null);
        }
      }
    }
    if (unpinned) {
      common.put("imagePinned", false);
    }
    return new Proposal.Entry(
        group.template(),
        common,
        clusters.size() == allClusters.size() ? List.of() : clusters,
        overrides,
        List.of(),
        Map.of(),
        group);
  }

  /**
   * Moves to {@code values} each parameter that every entry whose template declares it gives with
   * the same value and no override, and removes it from those entries.
   */
  static Map<String, Object> hoist(List<Proposal.Entry> entries, TemplateLibrary library)
      throws dev.kubegenerate.model.InputException {
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> candidates = new LinkedHashSet<>();
    entries.forEach(e -> candidates.addAll(e.params().keySet()));
    for (String key : candidates) {
      if (OWN.contains(key)) {
        continue;
      }
      String value = null;
      boolean shared = true;
      int declaring = 0;
      for (Proposal.Entry e : entries) {
        Optional<TemplateSpec> spec = library.get(e.template());
        if (spec.isEmpty() || spec.get().parameter(key).isEmpty()) {
          continue;
        }
        declaring++;
        boolean overridden = e.overrides().values().stream().anyMatch(o -> o.containsKey(key));
        if (!e.params().containsKey(key) || overridden) {
          shared = false;
          break;
        }
        String here = JsonLiteral.canonical(e.params().get(key));
        if (value != null && !value.equals(here)) {
          shared = false;
          break;
        }
        value = here;
      }
      if (shared && declaring > 1) {
        values.put(
            key,
            entries.stream()
                .filter(e -> e.params().containsKey(key))
                .findFirst()
                .orElseThrow()
                .params()
                .get(key));
        entries.forEach(e -> e.params().remove(key));
      }
    }
    return values;
  }
}
