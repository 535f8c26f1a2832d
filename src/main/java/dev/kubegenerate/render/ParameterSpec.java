package dev.kubegenerate.render;

import java.util.Objects;

/**
 * One declared template parameter.
 *
 * @param name the parameter's name in {@code kube-generate.yaml}
 * @param type its type
 * @param required whether an entry must give it
 * @param defaultValue the value when not given (null: none)
 * @param description one line for {@code kube-generate templates} and the JSON Schema
 */
public record ParameterSpec(String name, ParameterType type, boolean required, Object defaultValue, String description) {

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
  }
}
