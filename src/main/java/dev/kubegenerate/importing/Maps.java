package dev.kubegenerate.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading Kubernetes objects held as Java maps and lists, where any field may be missing. */
final class Maps {

  private Maps() {}

  /** The value as a map with text keys, or an empty map when it is none. */
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** The value as a list, or an empty list when it is none. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** Puts {@code value} under {@code key} unless it is null or empty. */
  static void putIfPresent(Map<String, Object> out, String key, Object value) {
    if (value == null
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof List<?> l && l.isEmpty())) {
      return;
    }
    out.put(key, value);
  }

  /** The value at a path of map keys, or null. */
  static Object at(Object root, String... keys) {
    Object at = root;
    for (String key : keys) {
      if (!(at instanceof Map<?, ?> m)) {
        return null;
      }
      at = m.get(key);
    }
    return at;
  }
}
