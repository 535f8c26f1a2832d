package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.template.ParameterSpec;
import dev.kubegenerate.template.ParameterType;
import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Checks a parameter tied to a Kubernetes type ({@code kubernetesType:} in template.yaml) against
 * that type's schema in every Kubernetes version it renders for, so {@code resources: {requests:
 * {cpu: lots}}} or a misspelt volume field is an error on its line in the config, not an invalid
 * manifest found later.
 */
final class ObjectParameters {

  private ObjectParameters() {}

  /**
   * Adds a problem for each violation of {@code p}'s value; a violation only some versions see
   * names them.
   */
  static void check(
      Config config,
      Param p,
      ParameterSpec spec,
      TemplateSpec template,
      Collection<KubernetesVersion> versions,
      Collection<Problem> problems) {
    if (spec.kubernetesType() == null || versions.isEmpty()) {
      return;
    }
    Map<Violation, List<KubernetesVersion>> seen = new LinkedHashMap<>();
    for (KubernetesVersion version : versions) {
      KubernetesApi api = KubernetesApi.of(version);
      if (!api.hasDefinition(spec.kubernetesType())) {
        String shown =
            template.origin().equals("built-in")
                ? "built-in template " + template.name()
                : template.origin() + "/" + template.name() + "/template.yaml";
        problems.add(
            Problem.of(
                shown,
                "parameter "
                    + spec.name()
                    + " has kubernetesType "
                    + spec.kubernetesType()
                    + ", which Kubernetes "
                    + version
                    + " does not define"));
        return;
      }
      for (Map.Entry<String, Node> value : values(p, spec).entrySet()) {
        if (value.getValue() instanceof ScalarNode s
            && s.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL)) {
          continue; // null turns an optional part off (probes: {readiness: null})
        }
        for (Violation v : api.validate(spec.kubernetesType(), value.getValue(), value.getKey())) {
          seen.computeIfAbsent(v, k -> new ArrayList<>()).add(version);
        }
      }
    }
    for (Map.Entry<Violation, List<KubernetesVersion>> e : seen.entrySet()) {
      Violation v = e.getKey();
      String only =
          e.getValue().size() < versions.size()
              ? " (in Kubernetes "
                  + String.join(
                      ", ", e.getValue().stream().map(KubernetesVersion::toString).toList())
                  + ")"
              : "";
      problems.add(
          new Problem(
              config.shownAs(), v.line(), v.column(), v.path() + ": " + v.message() + only));
    }
  }

  /**
   * The nodes to check, by path: the value, each item of a list, or each value of an object with
   * listed keys.
   */
  private static Map<String, Node> values(Param p, ParameterSpec spec) {
    Map<String, Node> out = new LinkedHashMap<>();
    Node node = p.value();
    if (spec.type() == ParameterType.LIST && node instanceof SequenceNode list) {
      for (int i = 0; i < list.getValue().size(); i++) {
        out.put(p.name() + "[" + i + "]", list.getValue().get(i));
      }
    } else if (spec.type() == ParameterType.OBJECT
        && !spec.allowed().isEmpty()
        && node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        // a key the declaration does not list is reported as such, not checked against the type
        if (t.getKeyNode() instanceof ScalarNode key && spec.allowed().contains(key.getValue())) {
          out.put(p.name() + "." + key.getValue(), t.getValueNode());
        }
      }
    } else {
      out.put(p.name(), node);
    }
    return out;
  }
}
