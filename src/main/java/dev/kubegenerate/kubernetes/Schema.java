package dev.kubegenerate.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of an OpenAPI schema that validation reads: a built-in definition of the bundled data or
 * a custom resource's {@code openAPIV3Schema}.
 *
 * @param type {@code object}, {@code array}, {@code string}, {@code integer}, {@code number},
 *     {@code boolean}, or empty for any value
 * @param format e.g. {@code int32}, {@code int-or-string}
 * @param properties the known fields of an object
 * @param required fields an object must have, sorted
 * @param items the schema of an array's items
 * @param values the schema of a map's values ({@code additionalProperties})
 * @param closed whether fields outside {@code properties} are unknown (strict, as kubeconform
 *     -strict)
 * @param ref the definition this schema stands for, resolved against the same version
 * @param enumValues allowed values, empty when any
 * @param intOrString an integer or a string
 * @param merge how the field merges under a strategic merge patch (built-in types only)
 */
public record Schema(
    Optional<String> type,
    Optional<String> format,
    Map<String, Schema> properties,
    List<String> required,
    Optional<Schema> items,
    Optional<Schema> values,
    boolean closed,
    Optional<String> ref,
    List<Object> enumValues,
    boolean intOrString,
    Optional<FieldMerge> merge) {

  /** Accepts any value. */
  static final Schema ANY = of(Optional.empty(), Optional.empty());

  /** Any string. */
  static final Schema STRING = of(Optional.of("string"), Optional.empty());

  /** The definition {@code ref} of the same version, e.g. {@code ObjectMeta}. */
  static Schema reference(String ref) {
    return of(Optional.empty(), Optional.of(ref));
  }

  private static Schema of(Optional<String> type, Optional<String> ref) {
    return new Schema(
        type,
        Optional.empty(),
        Map.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        false,
        ref,
        List.of(),
        false,
        Optional.empty());
  }

  /**
   * A schema from its JSON or YAML form, as maps, lists and scalars.
   *
   * @param custom a custom resource's schema: unknown fields are allowed where it says {@code
   *     x-kubernetes-preserve-unknown-fields}, and {@code enum} is checked
   */
  @SuppressWarnings("unchecked")
  static Schema from(Map<String, Object> raw, boolean custom) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    if (raw.get("properties") instanceof Map<?, ?> props) {
      ((Map<String, Object>) props)
          .forEach(
              (k, v) -> {
                if (v instanceof Map<?, ?> m) {
                  properties.put(k, from((Map<String, Object>) m, custom));
                }
              });
    }
    java.util.TreeSet<String> required = new java.util.TreeSet<>();
    if (raw.get("required") instanceof List<?> list) {
      list.forEach(r -> required.add(String.valueOf(r)));
    }
    Optional<Schema> items =
        raw.get("items") instanceof Map<?, ?> m
            ? Optional.of(from((Map<String, Object>) m, custom))
            : Optional.empty();
    Object additional = raw.get("additionalProperties");
    Optional<Schema> values =
        additional instanceof Map<?, ?> m
            ? Optional.of(from((Map<String, Object>) m, custom))
            : Optional.empty();
    boolean preserve =
        Boolean.TRUE.equals(raw.get("x-kubernetes-preserve-unknown-fields"))
            || Boolean.TRUE.equals(additional)
            || Boolean.TRUE.equals(raw.get("x-kubernetes-embedded-resource"));
    boolean closed =
        !properties.isEmpty() && values.isEmpty() && !preserve || Boolean.FALSE.equals(additional);
    if (custom && Boolean.TRUE.equals(raw.get("x-kubernetes-embedded-resource"))) {
      // an embedded object always carries apiVersion, kind and metadata, even when not listed
      properties.putIfAbsent("apiVersion", ANY);
      properties.putIfAbsent("kind", ANY);
      properties.putIfAbsent("metadata", ANY);
    }
    boolean intOrString =
        "int-or-string".equals(raw.get("format"))
            || Boolean.TRUE.equals(raw.get("x-kubernetes-int-or-string"));
    Optional<String> type =
        raw.get("type") instanceof String t && !intOrString ? Optional.of(t) : Optional.empty();
    List<Object> enumValues =
        raw.get("enum") instanceof List<?> e
            ? List.copyOf(e.stream().map(String::valueOf).toList())
            : List.of();
    return new Schema(
        type,
        Optional.ofNullable((String) (raw.get("format") instanceof String f ? f : null)),
        Map.copyOf(properties),
        List.copyOf(required),
        items,
        values,
        closed,
        raw.get("$ref") instanceof String r ? Optional.of(r) : Optional.empty(),
        enumValues,
        intOrString,
        custom ? Optional.empty() : FieldMerge.from(raw));
  }
}
