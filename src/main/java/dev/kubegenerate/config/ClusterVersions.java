package dev.kubegenerate.config;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Names;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the Kubernetes versions of a config: {@code kubernetesVersion:} and the map form of {@code
 * clusters:}, each cluster with its own. A version is a supported {@code MAJOR.MINOR} written as a
 * string; anything else is a located problem that lists the supported ones.
 */
final class ClusterVersions {

  /** Keys of a cluster in the map form of {@code clusters:}. */
  static final Set<String> CLUSTER_KEYS = Set.of("kubernetesVersion");

  private final String shownAs;
  private final List<Problem> problems;
  private final Nodes nodes;
  private final List<KubernetesVersion> supported;

  ClusterVersions(
      String shownAs, List<Problem> problems, Nodes nodes, List<KubernetesVersion> supported) {
    this.shownAs = shownAs;
    this.problems = problems;
    this.nodes = nodes;
    this.supported = supported;
  }

  /** The map form: {@code clusters: {sandbox: {kubernetesVersion: "1.36"}, qa: {}}}. */
  List<String> clusterMap(Node value, Map<String, KubernetesVersion> versions) {
    Map<String, NodeTuple> byName = nodes.mapping(value, "clusters", null);
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> e : byName.entrySet()) {
      String name = e.getKey();
      if (!Names.isFolderName(name)) {
        problems.add(
            YamlNodes.at(
                shownAs,
                e.getValue().getKeyNode(),
                "cluster \""
                    + name
                    + "\" is not a plain folder name (letters, digits, '.', '_', '-'; no '/' or '..')"));
        continue;
      }
      names.add(name);
      Node settings = e.getValue().getValueNode();
      if (nodes.isNull(settings)) {
        continue;
      }
      Map<String, NodeTuple> fields = nodes.mapping(settings, "cluster " + name, CLUSTER_KEYS);
      if (fields != null && fields.containsKey("kubernetesVersion")) {
        version(
                fields.get("kubernetesVersion").getValueNode(),
                "clusters." + name + ".kubernetesVersion")
            .ifPresent(v -> versions.put(name, v));
      }
    }
    return names;
  }

  /** A supported {@code MAJOR.MINOR} written as a string; anything else is a located problem. */
  Optional<KubernetesVersion> version(Node node, String what) {
    String supportedList =
        String.join(", ", supported.stream().map(KubernetesVersion::toString).toList());
    if (!(node instanceof ScalarNode scalar) || nodes.isNull(node)) {
      problems.add(
          YamlNodes.at(
              shownAs,
              node,
              what + " must be a version like \"1.34\"; supported: " + supportedList));
      return Optional.empty();
    }
    String text = scalar.getValue();
    if (!scalar.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.STR)) {
      // YAML reads 1.30 as the number 1.3: quoting keeps the version the user wrote
      problems.add(
          YamlNodes.at(
              shownAs,
              node,
              what
                  + " "
                  + text
                  + " must be quoted, \""
                  + text
                  + "\": unquoted it is a number; supported: "
                  + supportedList));
      return Optional.empty();
    }
    Optional<KubernetesVersion> version = KubernetesVersion.parse(text);
    if (version.isEmpty()) {
      // a patch release serves the same APIs as its minor release: name the version to write
      String hint =
          text.matches("v?\\d+\\.\\d+(\\.\\d+)?")
              ? "write \""
                  + text.replaceFirst("^v", "").replaceFirst("^(\\d+\\.\\d+).*", "$1")
                  + "\""
              : "write MAJOR.MINOR like \"1.34\"";
      problems.add(
          YamlNodes.at(
              shownAs,
              node,
              what
                  + " \""
                  + text
                  + "\" is not a Kubernetes version; "
                  + hint
                  + "; supported: "
                  + supportedList));
    } else if (!supported.contains(version.get())) {
      problems.add(
          YamlNodes.at(
              shownAs,
              node,
              what
                  + " \""
                  + text
                  + "\" is not supported by this kube-generate; supported: "
                  + supportedList));
      return Optional.empty();
    }
    return version;
  }
}
