package dev.kubegenerate.config;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Names;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.yaml.RepositoryFiles;
import dev.kubegenerate.yaml.YamlNodes;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Loads {@code kube-generate.yaml}: structure, defaults and naming rules. Template parameters are
 * checked later against the template library (see {@code check.EntryResolver}); every problem found
 * here is collected before failing.
 */
public final class ConfigLoader {

  static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "app",
          "outputDir",
          "clusters",
          "templates",
          "values",
          "handwritten",
          "manualAnnotation",
          "generates",
          "kubernetesVersion",
          "schemas");

  private final Path root;
  private final List<KubernetesVersion> supported;

  /**
   * @param root the repository root: paths in reports are relative to it, nothing may leave it
   * @param supported the Kubernetes versions the tool has data for, oldest first
   */
  public ConfigLoader(Path root, List<KubernetesVersion> supported) {
    this.root = root.toAbsolutePath().normalize();
    this.supported = List.copyOf(supported);
  }

  /**
   * A config as far as it could be read, and the problems found. Problems do not stop the load, so
   * the template checks that follow can report theirs in the same run.
   */
  public record Loaded(Config config, List<Problem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }
  }

  /** Loads one config file; throws only when it cannot be read or parsed at all. */
  public Loaded load(Path file) throws InputException {
    return load(file, false);
  }

  /**
   * As {@link #load(Path)}, for a config that the search for configs found as a regular file: it
   * followed no link from the root, so the file is read without resolving its real path ({@link
   * RepositoryFiles#readFound}).
   */
  public Loaded loadFound(Path file) throws InputException {
    return load(file, true);
  }

  private Loaded load(Path file, boolean found) throws InputException {
    Path absolute = file.toAbsolutePath().normalize();
    String shownAs = root.relativize(absolute).toString().replace('\\', '/');
    String text =
        found
            ? RepositoryFiles.readFound(absolute, shownAs)
            : RepositoryFiles.read(root, absolute, shownAs);
    return load(absolute, shownAs, text);
  }

  private Loaded load(Path absolute, String shownAs, String text) throws InputException {
    Node document =
        YamlNodes.compose(text, shownAs)
            .orElseThrow(
                () ->
                    new InputException(
                        Problem.of(
                            shownAs,
                            "the config is empty; run `kube-generate init` for a starter")));
    return new Reader(absolute, shownAs).read(document);
  }

  /** One load: the file's identity plus the problems collected so far. */
  private final class Reader {
    private final Path file;
    private final String shownAs;
    private final List<Problem> problems = new ArrayList<>();
    private final Nodes nodes;
    private final ClusterVersions versions;

    Reader(Path file, String shownAs) {
      this.file = file;
      this.shownAs = shownAs;
      this.nodes = new Nodes(shownAs, problems);
      this.versions = new ClusterVersions(shownAs, problems, nodes, supported);
    }

    Loaded read(Node document) throws InputException {
      Map<String, NodeTuple> top = nodes.mapping(document, "the config", TOP_LEVEL_KEYS);
      if (top == null) {
        throw new InputException(problems);
      }
      Path folder = file.getParent();
      ManifestPath folderPath = folder.equals(root) ? null : ManifestPath.relative(root, folder);

      String app =
          optionalString(top, "app")
              .orElse(folder.getFileName() == null ? "app" : folder.getFileName().toString());
      if (!Names.isDnsLabel(app)) {
        Node at = top.containsKey("app") ? top.get("app").getValueNode() : document;
        problems.add(
            YamlNodes.at(
                shownAs,
                at,
                "app \""
                    + app
                    + "\" is not a valid Kubernetes name"
                    + " (lower-case letters, digits and '-', at most 63); set `app:` to one"));
      }

      ManifestPath outputDir = outputDir(top, folderPath);
      Optional<KubernetesVersion> kubernetesVersion =
          top.containsKey("kubernetesVersion")
              ? versions.version(top.get("kubernetesVersion").getValueNode(), "kubernetesVersion")
              : Optional.empty();
      Map<String, KubernetesVersion> clusterVersions = new LinkedHashMap<>();
      List<String> clusters =
          top.containsKey("clusters") && top.get("clusters").getValueNode() instanceof MappingNode
              ? versions.clusterMap(top.get("clusters").getValueNode(), clusterVersions)
              : clusterList(top.get("clusters"), "clusters");
      List<Path> schemaDirs = folders(top.get("schemas"), folder, "schemas");
      List<Path> templateDirs = folders(top.get("templates"), folder, "template");
      Map<String, Param> values = params(top.get("values"), "values");
      List<String> handwritten =
          top.containsKey("handwritten")
              ? nodes.stringList(top.get("handwritten").getValueNode(), "handwritten")
              : List.of();
      String manualAnnotation =
          optionalString(top, "manualAnnotation").orElse(Config.DEFAULT_MANUAL_ANNOTATION);

      List<Entry> entries = new ArrayList<>();
      NodeTuple generates = top.get("generates");
      if (generates == null) {
        problems.add(
            YamlNodes.at(
                shownAs,
                document,
                "missing `generates:`; list what to generate, e.g. `generates: [{namespace: {}}]`"));
      } else if (nodes.isNull(generates.getValueNode())) {
        // an empty list is legal: nothing to generate (every generated file becomes orphaned)
      } else if (generates.getValueNode() instanceof SequenceNode seq) {
        for (Node item : seq.getValue()) {
          entry(item, top.containsKey("clusters") ? clusters : null).ifPresent(entries::add);
        }
      } else {
        problems.add(
            YamlNodes.at(
                shownAs,
                generates.getValueNode(),
                "generates must be a list of entries like `- autoscale: {...}`"));
      }
      Config config =
          new Config(
              file,
              shownAs,
              folderPath,
              app,
              outputDir,
              clusters,
              templateDirs,
              values,
              handwritten,
              manualAnnotation,
              entries,
              kubernetesVersion,
              clusterVersions,
              schemaDirs);
      return new Loaded(config, problems);
    }

    private ManifestPath outputDir(Map<String, NodeTuple> top, ManifestPath folderPath) {
      String dir = optionalString(top, "outputDir").orElse(Config.DEFAULT_OUTPUT_DIR);
      // relative to the config's folder; `..` is fine while the result stays inside the repository
      Path resolved = file.getParent().resolve(dir).normalize();
      boolean inside =
          !dir.isEmpty()
              && !Path.of(dir).isAbsolute()
              && resolved.startsWith(root)
              && !resolved.equals(root);
      if (!inside) {
        problems.add(
            YamlNodes.at(
                shownAs,
                top.get("outputDir").getValueNode(),
                "outputDir \""
                    + dir
                    + "\" must be a folder inside the repository, below its root"));
        return folderPath == null
            ? ManifestPath.of(Config.DEFAULT_OUTPUT_DIR)
            : folderPath.resolve(Config.DEFAULT_OUTPUT_DIR);
      }
      return ManifestPath.relative(root, resolved);
    }

    /**
     * Folders named by {@code templates:} or {@code schemas:}, relative to the config's folder and
     * inside the repository.
     */
    private List<Path> folders(NodeTuple tuple, Path folder, String what) {
      if (tuple == null) {
        return List.of();
      }
      List<Path> dirs = new ArrayList<>();
      Node value = tuple.getValueNode();
      List<String> names = nodes.stringList(value, what.equals("template") ? "templates" : what);
      List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
      for (int i = 0; i < names.size(); i++) {
        Path dir = folder.resolve(names.get(i)).normalize();
        if (Path.of(names.get(i)).isAbsolute() || !dir.startsWith(root)) {
          problems.add(
              YamlNodes.at(
                  shownAs,
                  items.get(Math.min(i, items.size() - 1)),
                  (what.equals("template") ? "template folder \"" : "schemas folder \"")
                      + names.get(i)
                      + "\" must be inside the repository"));
        } else if (readableFolder(
            dir, names.get(i), items.get(Math.min(i, items.size() - 1)), what)) {
          dirs.add(dir);
        }
      }
      return dirs;
    }

    /**
     * False, with an error on the config's line, for a folder that exists but is a link out of the
     * repository or no folder; a missing one is left to the template library, which says so.
     */
    private boolean readableFolder(Path dir, String name, Node at, String what) {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
      try {
        RepositoryFiles.folder(root, dir, name);
        return true;
      } catch (InputException e) {
        problems.add(
            YamlNodes.at(
                shownAs, at, what + " folder \"" + name + "\": " + e.problems().get(0).message()));
        return false;
      }
    }

    /**
     * @param topClusters the top-level cluster names, or null when the config has no top-level
     *     list; with none or an empty one, each entry names its own clusters
     */
    private Optional<Entry> entry(Node item, List<String> topClusters) {
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
            case "overrides" -> overrides(value, overrides, overrideKeys);
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
              template, only.getKeyNode(), params, clusters, overrides, overrideKeys, subdir));
    }

    private void overrides(
        Node value, Map<String, Map<String, Param>> overrides, Map<String, Node> keys) {
      Map<String, NodeTuple> byCluster = nodes.mapping(value, "overrides", null);
      if (byCluster == null) {
        return;
      }
      for (Map.Entry<String, NodeTuple> e : byCluster.entrySet()) {
        keys.put(e.getKey(), e.getValue().getKeyNode());
        overrides.put(e.getKey(), params(e.getValue(), "overrides." + e.getKey()));
      }
    }

    private Map<String, Param> params(NodeTuple tuple, String what) {
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
     * An entry's clusters, each of which must be in the top-level list when there is one: a
     * misspelt name would otherwise create a folder nobody deploys.
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

    private List<String> clusterList(NodeTuple tuple, String what) {
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
          problems.add(
              YamlNodes.at(
                  shownAs,
                  at,
                  "cluster \""
                      + name
                      + "\" is not a plain folder name (letters, digits, '.', '_', '-'; no '/' or '..')"));
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
        problems.add(
            YamlNodes.at(
                shownAs,
                value,
                what
                    + " \""
                    + s
                    + "\" is not a plain folder name (letters, digits, '.', '_', '-'; no '/' or '..')"));
        return null;
      }
      return s;
    }

    private Optional<String> optionalString(Map<String, NodeTuple> top, String key) {
      NodeTuple t = top.get(key);
      return t == null
          ? Optional.empty()
          : Optional.ofNullable(nodes.string(t.getValueNode(), key));
    }
  }
}
