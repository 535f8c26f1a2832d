package dev.kubegenerate.check;

import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.yaml.YamlNodes;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The fields Kubernetes accepts inside the {@code object} parameters that the templates copy into
 * a container ({@code resources}, {@code probes}), so a misspelt key is an error instead of a
 * field the API server drops. A small table, meant to be replaced by the Kubernetes schemas.
 */
final class ObjectFields {

  /**
   * The shape of one YAML mapping: its known fields, each with the shape of its value.
   * {@link #OPEN} accepts any key (resource names under {@code requests}, header lists).
   */
  record Shape(Map<String, Shape> fields) {
    static final Shape OPEN = new Shape(null);

    static Shape of(Map<String, Shape> fields) {
      return new Shape(Map.copyOf(fields));
    }
  }

  private static final Shape RESOURCES = Shape.of(Map.of(
      "requests", Shape.OPEN, "limits", Shape.OPEN, "claims", Shape.OPEN));

  private static final Shape PORT_AND_HOST = Shape.of(Map.of("port", Shape.OPEN, "host", Shape.OPEN));

  /** Fields of a Kubernetes Probe (core/v1). */
  private static final Shape PROBE = Shape.of(Map.ofEntries(
      Map.entry("exec", Shape.of(Map.of("command", Shape.OPEN))),
      Map.entry("httpGet", Shape.of(Map.of(
          "path", Shape.OPEN, "port", Shape.OPEN, "host", Shape.OPEN, "scheme", Shape.OPEN, "httpHeaders", Shape.OPEN))),
      Map.entry("tcpSocket", PORT_AND_HOST),
      Map.entry("grpc", Shape.of(Map.of("port", Shape.OPEN, "service", Shape.OPEN))),
      Map.entry("initialDelaySeconds", Shape.OPEN),
      Map.entry("periodSeconds", Shape.OPEN),
      Map.entry("timeoutSeconds", Shape.OPEN),
      Map.entry("successThreshold", Shape.OPEN),
      Map.entry("failureThreshold", Shape.OPEN),
      Map.entry("terminationGracePeriodSeconds", Shape.OPEN)));

  /** The probe kinds the pod templates read from {@code probes}. */
  private static final Shape PROBES = Shape.of(Map.of("startup", PROBE, "readiness", PROBE, "liveness", PROBE));

  private static final Map<String, Shape> BY_PARAMETER = Map.of("resources", RESOURCES, "probes", PROBES);

  private ObjectFields() {}

  /** The shape of a parameter's value, when the table knows it. */
  static Optional<Shape> of(String parameter) {
    return Optional.ofNullable(BY_PARAMETER.get(parameter));
  }

  /** Every key of {@code value} that its shape does not know, located, with the nearest names. */
  static List<Problem> unknown(String file, String parameter, Shape shape, Node value) {
    List<Problem> out = new ArrayList<>();
    walk(file, parameter, shape, value, out);
    return out;
  }

  private static void walk(String file, String path, Shape shape, Node value, List<Problem> out) {
    if (shape.fields() == null || !(value instanceof MappingNode map)) {
      return; // wrong types are the parameter type's error, or the schema's
    }
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        continue;
      }
      Shape inner = shape.fields().get(key.getValue());
      if (inner == null) {
        String near = Suggestions.didYouMean(key.getValue(), shape.fields().keySet());
        out.add(YamlNodes.at(file, key, "unknown field \"" + path + "." + key.getValue() + "\""
            + (near.isEmpty() ? " (known: " + String.join(", ", new java.util.TreeSet<>(shape.fields().keySet())) + ")" : near)));
      } else {
        walk(file, path + "." + key.getValue(), inner, t.getValueNode(), out);
      }
    }
  }
}
