package dev.kubegenerate.config;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Names;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.RepositoryFiles;
import dev.kubegenerate.yaml.YamlNodes;
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

  /**
   * Loads a config from {@code text} as if it were the file {@code file}: a proposal that is not
   * written yet ({@code kube-generate import} renders it before writing anything).
   */
  public Loaded loadText(Path file, String text) throws InputException {
    Path absolute = file.toAbsolutePath().normalize();
    return load(absolute, root.relativize(absolute).toString().replace('\\', '/'), text);
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
    private final ConfigFolders folders;
    private final EntryReader entries;

    Reader(Path file, String shownAs) {
      this.file = file;
      this.shownAs = shownAs;
      this.nodes = new Nodes(shownAs, problems);
      this.versions = new ClusterVersions(shownAs, problems, nodes, supported);
      this.folders = new ConfigFolders(root, file.getParent(), shownAs, problems, nodes);
      this.entries = new EntryReader(shownAs, problems, nodes);
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

      ManifestPath outputDir =
          folders.outputDir(top.get("outputDir"), optionalString(top, "outputDir"), folderPath);
      Optional<KubernetesVersion> kubernetesVersion =
          top.containsKey("kubernetesVersion")
              ? versions.version(top.get("kubernetesVersion").getValueNode(), "kubernetesVersion")
              : Optional.empty();
      Map<String, KubernetesVersion> clusterVersions = new LinkedHashMap<>();
      List<String> clusters =
          top.containsKey("clusters") && top.get("clusters").getValueNode() instanceof MappingNode
              ? versions.clusterMap(top.get("clusters").getValueNode(), clusterVersions)
              : entries.clusterList(top.get("clusters"), "clusters");
      List<Path> schemaDirs = folders.folders(top.get("schemas"), "schemas");
      List<Path> templateDirs = folders.folders(top.get("templates"), "template");
      Map<String, Param> values = entries.params(top.get("values"), "values");
      List<String> handwritten =
          top.containsKey("handwritten")
              ? nodes.globList(top.get("handwritten").getValueNode(), "handwritten")
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
          this.entries
              .entry(item, top.containsKey("clusters") ? clusters : null)
              .ifPresent(entries::add);
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

    private Optional<String> optionalString(Map<String, NodeTuple> top, String key) {
      NodeTuple t = top.get(key);
      return t == null
          ? Optional.empty()
          : Optional.ofNullable(nodes.string(t.getValueNode(), key));
    }
  }
}
