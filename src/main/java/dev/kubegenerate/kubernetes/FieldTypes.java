package dev.kubegenerate.kubernetes;

import java.util.Optional;

/**
 * What a field of a built-in kind holds, by the bundled schemas of the newest supported release:
 * whether a value is a quantity or an int-or-string, which compare by value rather than as written.
 */
public final class FieldTypes {

  /** What a field holds, as far as comparing its values goes. */
  public enum Type {
    /** A resource quantity: {@code 500m} equals {@code 0.5}. */
    QUANTITY,
    /** An integer or a string: {@code 8080} equals {@code "8080"}. */
    INT_OR_STRING,
    /** Anything else, or a field the schemas do not know: compared as written. */
    OTHER
  }

  private FieldTypes() {}

  /**
   * The type of the field {@code pointer} names in an object of {@code apiVersion}/{@code kind}
   * ({@code /spec/template/spec/containers/*}{@code /resources/requests/cpu}, list items as an
   * index or {@code *}); {@link Type#OTHER} for a kind or field the newest release does not have.
   */
  public static Type of(String apiVersion, String kind, String pointer) {
    KubernetesApi api = KubernetesApi.of(KubernetesApi.newest());
    Optional<Schema> field =
        api.definitionOf(apiVersion, kind)
            .flatMap(api::schema)
            .flatMap(root -> SchemaPath.walk(root, pointer, api::schema));
    if (field.isEmpty()) {
      return Type.OTHER;
    }
    if (field.get().ref().filter(SchemaValidator.QUANTITY::equals).isPresent()) {
      return Type.QUANTITY;
    }
    return field.get().intOrString() || SchemaPath.resolve(field.get(), api::schema).intOrString()
        ? Type.INT_OR_STRING
        : Type.OTHER;
  }
}
