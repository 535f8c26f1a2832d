package dev.kubegenerate.config;

import dev.kubegenerate.model.Names;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The items of {@code generates:}, and the parameter maps and cluster lists they share with the
 * config's top level ({@code values:}, {@code clusters:}). Problems are collected, as by {@link
 * ConfigLoader}.
 */
final class EntryReader {
  private final String shownAs;
  private final List<Problem> problems;
  private final Nodes nodes;
  private final PatchReader patchReader;

  EntryReader(String shownAs, List<Problem> problems, Nodes nodes) {
    this.shownAs = shownAs;
    this.problems = problems;
    this.nodes = nodes;
    this.patchReader = new PatchReader(shownAs, problems, nodes);
  }

  /**
   * @param topClusters the top-level cluster names, or null when the config has no top-level list;
   *     with none or an empty one, each entry names its own clusters
   */
  Optional<Entry> entry(Node item, List<String> topClusters) {
    if (!(item instanceof MappingNode map) || map.getValue().size() != 1) {
      problems.add(
          YamlNodes.at(
              shownAs,
              item,
              "each entry of generates is a map with exactly one key, the template's name, e.g. `- worker: {name: jobs}`"));
      return Optional.empty();
    }
    NodeTuple only = map.getValue().get(0);
    String template = nodes.string(only.getKeyNode(), "template name");
    if (template == null) {
      return Optional.empty();
    }
    Node body = only.getValueNode();
    Map<String, Param> params = new LinkedHashMap<>();
    Optional<List<String>> clusters = Optional.empty();
    Map<String, Map<String, Param>> overrides = new LinkedHashMap<>();
    Map<String, Node> overrideKeys = new LinkedHashMap<>();
    Optional<String> subdir = Optional.empty();
    List<Patch> patches = List.of();
    Map<String, List<Patch>> overridePatches = new LinkedHashMap<>();
    if (!nodes.isNull(body)) {
      Map<String, NodeTuple> fields = nodes.mapping(body, "entry " + template, null);
      if (fields == null) {
        return Optional.empty();
      }
      for (Map.Entry<String, NodeTuple> f : fields.entrySet()) {
        Node value = f.getValue().getValueNode();
        switch (f.getKey()) {
          case "clusters" -> clusters = Optional.of(knownClusters(f.getValue(), topClusters));
          case "subdir" -> subdir = Optional.ofNullable(folderName(value, "subdir"));
          case "overrides" -> overrides(value, overrides, overrideKeys, overridePatches);
          case "patches" -> patches = patchReader.read(value, Optional.empty());
          default ->
              params.put(f.getKey(), new Param(f.getKey(), f.getValue().getKeyNode(), value));
        }
      }
    }
    if (clusters.isEmpty() && topClusters == null) {
      problems.add(
          YamlNodes.at(
              shownAs,
              only.getKeyNode(),
              "entry "
                  + template
                  + " targets no cluster; add a top-level `clusters:` list or `clusters:` to the entry"));
    }
    return Optional.of(
        new Entry(
            template,
            only.getKeyNode(),
            params,
            clusters,
            overrides,
            overrideKeys,
            subdir,
            patches,
            overridePatches));
  }

  private void overrides(
      Node value,
      Map<String, Map<String, Param>> overrides,
      Map<String, Node> keys,
      Map<String, List<Patch>> patches) {
    Map<String, NodeTuple> byCluster = nodes.mapping(value, "overrides", null);
    if (byCluster == null) {
      return;
    }
    for (Map.Entry<String, NodeTuple> e : byCluster.entrySet()) {
      keys.put(e.getKey(), e.getValue().getKeyNode());
      Map<String, Param> params = params(e.getValue(), "overrides." + e.getKey());
      Param own = params.remove("patches");
      if (own != null) {
        patches.put(e.getKey(), patchReader.read(own.value(), Optional.of(e.getKey())));
      }
      overrides.put(e.getKey(), params);
    }
  }

  /** A map of parameters ({@code values:}, an override); empty when absent or null. */
  Map<String, Param> params(NodeTuple tuple, String what) {
    Map<String, Param> params = new LinkedHashMap<>();
    if (tuple == null || nodes.isNull(tuple.getValueNode())) {
      return params;
    }
    Map<String, NodeTuple> map = nodes.mapping(tuple.getValueNode(), what, null);
    if (map != null) {
      map.forEach((k, t) -> params.put(k, new Param(k, t.getKeyNode(), t.getValueNode())));
    }
    return params;
  }

  /**
   * An entry's clusters, each of which must be in the top-level list when there is one: a misspelt
   * name would otherwise create a folder nobody deploys.
   */
  private List<String> knownClusters(NodeTuple tuple, List<String> topClusters) {
    List<String> names = clusterList(tuple, "clusters");
    if (topClusters == null || topClusters.isEmpty()) {
      return names;
    }
    Node value = tuple.getValueNode();
    List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    List<String> known = new ArrayList<>();
    for (String name : names) {
      if (topClusters.contains(name)) {
        known.add(name);
        continue;
      }
      Node at =
          items.stream()
              .filter(n -> n instanceof ScalarNode sn && sn.getValue().equals(name))
              .findFirst()
              .orElse(value);
      String near = Suggestions.didYouMean(name, topClusters);
      problems.add(
          YamlNodes.at(
              shownAs,
              at,
              "cluster \""
                  + name
                  + "\" is not in the top-level clusters list"
                  + (near.isEmpty()
                      ? " (" + String.join(", ", topClusters) + "); add it there first"
                      : near)));
    }
    return known;
  }

  /** A list of cluster names, each a plain folder name, none twice. */
  List<String> clusterList(NodeTuple tuple, String what) {
    if (tuple == null) {
      return List.of();
    }
    Node value = tuple.getValueNode();
    List<String> names = nodes.stringList(value, what);
    List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Node at = items.get(Math.min(i, items.size() - 1));
      if (!Names.isFolderName(name)) {
        notAFolderName(at, "cluster", name);
      } else if (valid.contains(name)) {
        problems.add(YamlNodes.at(shownAs, at, "cluster \"" + name + "\" is listed twice"));
      } else {
        valid.add(name);
      }
    }
    return valid;
  }

  private String folderName(Node value, String what) {
    String s = nodes.string(value, what);
    if (s != null && !Names.isFolderName(s)) {
      notAFolderName(value, what, s);
      return null;
    }
    return s;
  }

  /** A cluster or subdir becomes one folder of the output path: a plain name, never a path. */
  private void notAFolderName(Node at, String what, String name) {
    problems.add(
        YamlNodes.at(
            shownAs,
            at,
            what
                + " \""
                + name
                + "\" is not a plain folder name (letters, digits, '.', '_', '-'; no '/' or '..')"));
  }
}
