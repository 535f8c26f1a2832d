package dev.kubegenerate.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Deep copies and comparisons of the JSON-like trees read from YAML or JSON (maps, lists and leaf
 * values). The readers differ only in what makes two leaves equal and whether a map's key order
 * counts; the walk is this one.
 */
public final class JsonTrees {

  private JsonTrees() {}

  /** A deep copy that may be changed: maps keep their order, keys become strings. */
  public static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }

  /**
   * Whether {@code a} and {@code b} are the same tree: maps with the same keys (in the same order
   * when {@code keyOrder}), lists of the same length, each pair of values the same, and two leaves
   * (anything else, a map against a list included) as {@code leaves} says.
   */
  public static boolean equal(
      Object a, Object b, boolean keyOrder, BiPredicate<Object, Object> leaves) {
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      boolean sameKeys =
          keyOrder
              ? List.copyOf(x.keySet()).equals(List.copyOf(y.keySet()))
              : x.keySet().equals(y.keySet());
      if (!sameKeys) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!equal(e.getValue(), y.get(e.getKey()), keyOrder, leaves)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i), keyOrder, leaves)) {
          return false;
        }
      }
      return true;
    }
    return leaves.test(a, b);
  }
}
