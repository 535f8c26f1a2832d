package dev.kubegenerate.objects;

import java.util.Objects;

/**
 * How two objects are compared.
 *
 * @param mergeKeys which lists are compared item by item, by key
 * @param byValue whether quantities ({@code 500m} = {@code 0.5}, {@code 1Gi} = {@code 1024Mi}) and
 *     int-or-string values ({@code 8080} = {@code "8080"}) compare by value, as the API server
 *     stores them; otherwise every value compares as written (numbers by their value)
 */
public record CompareOptions(MergeKeys mergeKeys, boolean byValue) {

  public CompareOptions {
    Objects.requireNonNull(mergeKeys, "mergeKeys");
  }

  /** Values as written, the common lists by key: what the impact of a change reports. */
  public static CompareOptions exact() {
    return new CompareOptions(ApiMergeKeys.NEWEST, false);
  }

  /** As {@link #exact()}, with quantities and int-or-string values compared by value. */
  public static CompareOptions byValues() {
    return new CompareOptions(ApiMergeKeys.NEWEST, true);
  }
}
