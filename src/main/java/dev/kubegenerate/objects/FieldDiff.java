package dev.kubegenerate.objects;

import dev.kubegenerate.kubernetes.FieldTypes;
import dev.kubegenerate.kubernetes.Quantity;
import dev.kubegenerate.model.JsonPointer;
import dev.kubegenerate.model.JsonTrees;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The changed fields of one object, as JSON pointers: a field added, removed or given another value
 * (not {@code apiVersion}: another version of the group serves the same stored object); a list
 * merged by key item by item (an item added, removed, changed, or the kept items reordered);
 * another list index by index, or whole when its length changes. A Secret's data is compared key by
 * key and never looked into, so no value of it reaches a pointer or a message.
 */
final class FieldDiff {

  private final String apiVersion;
  private final String kind;
  private final boolean secret;
  private final CompareOptions options;
  private final List<String> out = new ArrayList<>();

  private FieldDiff(String apiVersion, String kind, CompareOptions options) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.secret = kind.equals("Secret") && ObjectId.groupOf(apiVersion).isEmpty();
    this.options = options;
  }

  static List<String> of(ManifestObject before, ManifestObject after, CompareOptions options) {
    FieldDiff diff = new FieldDiff(after.apiVersion(), after.id().kind(), options);
    // the object's identity holds its group; the version it is written in is how it is served,
    // not what is stored
    Map<String, Object> was = new java.util.LinkedHashMap<>(before.body());
    was.put("apiVersion", after.apiVersion());
    diff.map(was, after.body(), "", new ArrayList<>());
    return diff.out;
  }

  private void value(Object a, Object b, String pointer, List<String> path) {
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      map(x, y, pointer, path);
    } else if (a instanceof List<?> x && b instanceof List<?> y) {
      list(x, y, pointer, path);
    } else if (!sameScalar(a, b, path)) {
      out.add(pointer);
    }
  }

  private void map(Map<?, ?> a, Map<?, ?> b, String pointer, List<String> path) {
    // a Secret's data and stringData: which keys changed, never what is in them
    boolean opaque =
        secret
            && path.size() == 1
            && (path.get(0).equals("data") || path.get(0).equals("stringData"));
    for (Map.Entry<?, ?> e : b.entrySet()) {
      Object now = e.getValue();
      if (now == null) {
        continue; // null is what an absent field means
      }
      String key = (String) e.getKey();
      String at = JsonPointer.append(pointer, key);
      Object was = a.get(key);
      if (was == null || opaque && !same(was, now)) {
        out.add(at);
      } else if (!opaque) {
        path.add(key);
        value(was, now, at, path);
        path.remove(path.size() - 1);
      }
    }
    for (Map.Entry<?, ?> e : a.entrySet()) {
      if (e.getValue() != null && b.get(e.getKey()) == null) {
        out.add(JsonPointer.append(pointer, (String) e.getKey()));
      }
    }
  }

  private void list(List<?> a, List<?> b, String pointer, List<String> path) {
    List<String> keys = options.mergeKeys().of(apiVersion, kind, pattern(path));
    Map<List<Object>, Integer> was = keys.isEmpty() ? null : byKey(a, keys);
    Map<List<Object>, Integer> now = was == null ? null : byKey(b, keys);
    path.add("*");
    if (now != null) {
      keyed(a, b, keys, was, pointer, path);
    } else if (a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        value(a.get(i), b.get(i), JsonPointer.append(pointer, i), path);
      }
    } else {
      out.add(pointer);
    }
    path.remove(path.size() - 1);
  }

  /** Items matched by key: the new item's index names a change, the old one's a removal. */
  private void keyed(
      List<?> a,
      List<?> b,
      List<String> keys,
      Map<List<Object>, Integer> was,
      String pointer,
      List<String> path) {
    List<Integer> kept = new ArrayList<>();
    boolean[] matched = new boolean[a.size()];
    for (int j = 0; j < b.size(); j++) {
      Integer i = was.get(key((Map<?, ?>) b.get(j), keys));
      if (i == null) {
        out.add(JsonPointer.append(pointer, j));
      } else {
        matched[i] = true;
        kept.add(i);
        value(a.get(i), b.get(j), JsonPointer.append(pointer, j), path);
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (!matched[i]) {
        out.add(JsonPointer.append(pointer, i));
      }
    }
    for (int k = 1; k < kept.size(); k++) {
      if (kept.get(k) < kept.get(k - 1)) {
        // the items kept are in another order: the list itself changes
        out.add(pointer);
        break;
      }
    }
  }

  /** The JSON pointer of a field's path, {@code *} for any list item. */
  private static String pattern(List<String> path) {
    StringBuilder b = new StringBuilder();
    for (String token : path) {
      b.append(token.equals("*") ? "/*" : JsonPointer.append("", token));
    }
    return b.toString();
  }

  /** Each item's index by its key; null when an item has no key or two share one. */
  private static Map<List<Object>, Integer> byKey(List<?> items, List<String> keys) {
    Map<List<Object>, Integer> out = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        return null;
      }
      List<Object> key = key(item, keys);
      if (key.contains(null) || out.put(key, i) != null) {
        return null;
      }
    }
    return out;
  }

  private static List<Object> key(Map<?, ?> item, List<String> keys) {
    List<Object> key = new ArrayList<>(keys.size());
    for (String k : keys) {
      Object v = item.get(k);
      key.add(v instanceof Map || v instanceof List ? null : number(v));
    }
    return key;
  }

  private boolean sameScalar(Object a, Object b, List<String> path) {
    if (same(a, b)) {
      return true;
    }
    if (!options.byValue() || a == null || b == null) {
      return false;
    }
    return switch (FieldTypes.of(apiVersion, kind, pattern(path))) {
      case QUANTITY -> Quantity.sameValue(a, b);
      case INT_OR_STRING -> Objects.equals(number(integerText(a)), number(integerText(b)));
      case OTHER -> false;
    };
  }

  /** Equal as JSON: numbers by value ({@code 1} = {@code 1.0}), maps and lists deeply. */
  private static boolean same(Object a, Object b) {
    return JsonTrees.equal(
        a,
        b,
        false,
        (x, y) ->
            x instanceof Number && y instanceof Number
                ? Objects.equals(number(x), number(y))
                : Objects.equals(x, y));
  }

  /** A number as one comparable value, whatever its Java type; anything else as it is. */
  private static Object number(Object v) {
    if (v instanceof Long
        || v instanceof BigInteger
        || v instanceof Double d && Double.isFinite(d)) {
      return new BigDecimal(v.toString()).stripTrailingZeros();
    }
    return v;
  }

  /** An int-or-string's integer written as a string ({@code "8080"}) as the integer. */
  private static Object integerText(Object v) {
    return v instanceof String s && s.matches("-?[0-9]{1,18}") ? Long.valueOf(s) : v;
  }
}
