package dev.kubegenerate.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared template parameter.
 *
 * @param name the parameter's name in {@code kube-generate.yaml}
 * @param type its type
 * @param required whether an entry must give it
 * @param defaultValue the value when not given (null: none)
 * @param description one line for {@code kube-generate templates} and the JSON Schema
 * @param allowed the values an {@code enum} accepts, or the keys an {@code object} may have (empty:
 *     any key; other types ignore it)
 * @param kubernetesType the OpenAPI definition an {@code object} parameter (each of its values when
 *     it lists its keys), or each item of a {@code list} parameter, must match, such as {@code
 *     io.k8s.api.core.v1.ResourceRequirements} (null: none)
 */
public record ParameterSpec(
    String name,
    ParameterType type,
    boolean required,
    Object defaultValue,
    String description,
    List<String> allowed,
    String kubernetesType) {

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    allowed = List.copyOf(allowed);
  }

  /** A parameter with no allowed values and no Kubernetes type. */
  public ParameterSpec(
      String name, ParameterType type, boolean required, Object defaultValue, String description) {
    this(name, type, required, defaultValue, description, List.of(), null);
  }

  /** The value as the template sees it, or empty when it does not fit this parameter. */
  public Optional<Object> coerce(Object value) {
    return type.coerce(value, allowed, kubernetesType != null);
  }

  /** Why {@code value} does not fit, as the end of "parameter x of template y ...". */
  public String mismatch(Object value) {
    return type.mismatch(value, allowed, kubernetesType != null);
  }

  /**
   * The type as {@code kube-generate templates} shows it: {@code enum (Forbid, Allow, Replace)}.
   */
  public String shownType() {
    if (type == ParameterType.ENUM) {
      return "enum (" + String.join(", ", allowed) + ")";
    }
    String kind =
        kubernetesType == null
            ? "object"
            : kubernetesType.substring(kubernetesType.lastIndexOf('.') + 1);
    if (type == ParameterType.OBJECT && !allowed.isEmpty()) {
      return "map of " + String.join(", ", allowed) + " to " + kind;
    }
    if (kubernetesType != null) {
      return type == ParameterType.LIST ? "list of " + kind : kind;
    }
    return type.id();
  }
}
