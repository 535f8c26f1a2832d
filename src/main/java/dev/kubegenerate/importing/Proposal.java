package dev.kubegenerate.importing;

import dev.kubegenerate.render.ConfigWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proposed kube-generate.yaml, as values: what {@code import} renders in memory, checks against
 * the originals and, once every entry reproduces its objects, writes.
 *
 * @param app the app's name, written even when the folder's would do (a renamed folder changes
 *     nothing)
 * @param clusters every cluster folder
 * @param kubernetesVersion the clusters' Kubernetes version
 * @param outputDir the manifests' folder, when not the default
 * @param templates repository template folders the entries use
 * @param values what every entry whose template declares a parameter shares
 * @param handwritten globs of the files left as they are
 * @param entries the entries
 */
public record Proposal(
    String app,
    List<String> clusters,
    String kubernetesVersion,
    String outputDir,
    List<String> templates,
    Map<String, Object> values,
    List<String> handwritten,
    List<Entry> entries) {

  /**
   * One entry.
   *
   * @param template its template
   * @param params the parameters every cluster shares
   * @param clusters the clusters it targets; empty for every cluster
   * @param overrides each cluster's own parameters
   * @param patches the patches every cluster shares, each {@code {target, merge}}
   * @param overridePatches each cluster's own patches
   * @param group the originals it replaces
   */
  record Entry(
      String template,
      Map<String, Object> params,
      List<String> clusters,
      Map<String, Map<String, Object>> overrides,
      List<Map<String, Object>> patches,
      Map<String, List<Map<String, Object>>> overridePatches,
      Grouping.Group group) {

    /** The entry with other patches. */
    Entry withPatches(
        List<Map<String, Object>> patches, Map<String, List<Map<String, Object>>> overridePatches) {
      return new Entry(template, params, clusters, overrides, patches, overridePatches, group);
    }
  }

  /**
   * The config's text, and the line each entry starts on (to tell which entry a problem of its
   * render is about).
   */
  record Written(String text, List<Integer> entryLines) {}

  /** The same config with other {@code handwritten:} globs. */
  Proposal withHandwritten(List<String> globs) {
    return new Proposal(
        app, clusters, kubernetesVersion, outputDir, templates, values, globs, entries);
  }

  Written write(String header) {
    ConfigWriter out = new ConfigWriter();
    header.lines().forEach(line -> out.comment(0, line));
    out.entry(0, "app", app);
    out.entry(0, "kubernetesVersion", kubernetesVersion);
    if (outputDir != null) {
      out.entry(0, "outputDir", outputDir);
    }
    out.entry(0, "clusters", clusters);
    if (!templates.isEmpty()) {
      out.entry(0, "templates", templates);
    }
    if (!values.isEmpty()) {
      out.entry(0, "values", values);
    }
    if (!handwritten.isEmpty()) {
      out.comment(0, "left as they are: kube-generate could not reproduce them (see the residual)");
      out.entry(0, "handwritten", handwritten);
    }
    out.key(0, "generates");
    StringBuilder b = new StringBuilder(out.text());
    List<Integer> lines = new ArrayList<>();
    for (Entry e : entries) {
      lines.add((int) b.chars().filter(c -> c == '\n').count() + 1);
      ConfigWriter entry = new ConfigWriter();
      entry.item(2, e.template());
      Map<String, Object> body = new LinkedHashMap<>(e.params());
      if (!e.clusters().isEmpty()) {
        body.put("clusters", e.clusters());
      }
      if (!e.patches().isEmpty()) {
        body.put("patches", e.patches());
      }
      Map<String, Object> overrides = new LinkedHashMap<>();
      for (String cluster : clusters) {
        Map<String, Object> own =
            new LinkedHashMap<>(e.overrides().getOrDefault(cluster, Map.of()));
        List<Map<String, Object>> patches = e.overridePatches().getOrDefault(cluster, List.of());
        if (!patches.isEmpty()) {
          own.put("patches", patches);
        }
        if (!own.isEmpty()) {
          overrides.put(cluster, own);
        }
      }
      if (!overrides.isEmpty()) {
        body.put("overrides", overrides);
      }
      for (Map.Entry<String, Object> p : body.entrySet()) {
        entry.entry(6, p.getKey(), p.getValue());
      }
      b.append(entry.text());
    }
    return new Written(b.toString(), lines);
  }
}
