package dev.kubegenerate.kubernetes;

import java.util.List;
import java.util.Optional;

/**
 * What a field of a built-in kind holds, by the bundled schemas of the newest supported release:
 * whether a value is a quantity or an int-or-string, which compare by value rather than as written.
 */
public final class FieldTypes {

  /** The path segment that stands for any item of a list. */
  public static final String ITEM = "[]";

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
   * The type of the field at {@code path} (field names from the object's root, {@link #ITEM} for a
   * list's item) of {@code apiVersion}/{@code kind}; {@link Type#OTHER} for a kind or field the
   * newest release does not serve.
   */
  public static Type of(String apiVersion, String kind, List<String> path) {
    KubernetesApi api = KubernetesApi.of(KubernetesApi.newest());
    Optional<Schema> at = api.definitionOf(apiVersion, kind).flatMap(api::schema);
    for (String segment : path) {
      if (at.isEmpty()) {
        return Type.OTHER;
      }
      Schema s = resolved(api, at.get());
      at =
          segment.equals(ITEM)
              ? s.items()
              : Optional.ofNullable(s.properties().get(segment)).or(s::values);
    }
    if (at.isEmpty()) {
      return Type.OTHER;
    }
    Schema leaf = at.get();
    if (leaf.intOrString()) {
      return Type.INT_OR_STRING;
    }
    return leaf.ref().filter(SchemaValidator.QUANTITY::equals).isPresent()
        ? Type.QUANTITY
        : resolved(api, leaf).intOrString() ? Type.INT_OR_STRING : Type.OTHER;
  }

  private static Schema resolved(KubernetesApi api, Schema s) {
    Schema at = s;
    // a reference names another definition; a chain of them ends in a few steps
    for (int i = 0; i < 8 && at.ref().isPresent(); i++) {
      String ref = at.ref().get();
      Optional<Schema> next = api.schema(ref);
      if (next.isEmpty()) {
        break;
      }
      at = next.get();
    }
    return at;
  }
}
