package dev.kubegenerate.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a field of a built-in type merges, from its OpenAPI extensions: the strategic merge patch's
 * {@code x-kubernetes-patch-merge-key} and {@code x-kubernetes-patch-strategy}, server-side apply's
 * {@code x-kubernetes-list-type} and {@code x-kubernetes-list-map-keys}.
 *
 * <p>{@code containers} of a pod spec: merge key {@code name}, strategy {@code merge}, list type
 * {@code map} keyed by {@code name}. {@code tolerations}: no merge key, no strategy, list type
 * {@code atomic}: a patch replaces the whole list. A Deployment's {@code strategy}, an object:
 * strategy {@code retainKeys}.
 *
 * @param mergeKey the field that identifies an item for strategic merge, when the list merges
 * @param strategies the patch strategy's parts: {@code merge}, {@code retainKeys}; empty when a
 *     patch replaces the list
 * @param listType {@code atomic} (the default, also for a field that is no list), {@code map} or
 *     {@code set}
 * @param mapKeys the fields that identify an item of a {@code map} list
 */
public record FieldMerge(
    Optional<String> mergeKey, List<String> strategies, String listType, List<String> mapKeys) {

  /**
   * A field without merge metadata: a strategic merge patch replaces a list as a whole and merges a
   * map key by key.
   */
  public static final FieldMerge NONE =
      new FieldMerge(Optional.empty(), List.of(), "atomic", List.of());

  public FieldMerge {
    strategies = List.copyOf(strategies);
    mapKeys = List.copyOf(mapKeys);
  }

  /** Whether a strategic merge patch merges the list item by item (by {@link #mergeKey}). */
  public boolean merges() {
    return strategies.contains("merge");
  }

  /** Whether a patch of this field clears the keys it does not name ({@code retainKeys}). */
  public boolean retainsKeys() {
    return strategies.contains("retainKeys");
  }

  /** The extensions of one field's schema; empty when it has none of them. */
  static Optional<FieldMerge> from(Map<String, Object> raw) {
    Object key = raw.get("x-kubernetes-patch-merge-key");
    Object strategy = raw.get("x-kubernetes-patch-strategy");
    Object type = raw.get("x-kubernetes-list-type");
    Object keys = raw.get("x-kubernetes-list-map-keys");
    if (key == null && strategy == null && type == null && keys == null) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldMerge(
            key instanceof String k ? Optional.of(k) : Optional.empty(),
            strategy instanceof String s ? List.of(s.split(",")) : List.of(),
            type instanceof String t ? t : "atomic",
            keys instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of()));
  }
}
