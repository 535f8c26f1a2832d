package dev.kubegenerate.fixes;

import dev.kubegenerate.model.JsonPointer;
import dev.kubegenerate.model.JsonTrees;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON-like values (maps, lists, strings, numbers, booleans) as a suggestion reads and builds them.
 */
final class Values {

  private Values() {}

  /** Equal as JSON: numbers by value ({@code 1} = {@code 1.0}), maps and lists deeply. */
  static boolean same(Object a, Object b) {
    return canonical(a).equals(canonical(b));
  }

  /** A text equal for values equal as JSON. */
  static String canonical(Object v) {
    if (v instanceof Long
        || v instanceof Integer
        || v instanceof BigInteger
        || v instanceof Double d && Double.isFinite(d)) {
      return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
    if (v instanceof String s) {
      return '"' + s + '"';
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach(
          (k, x) -> {
            if (x != null) {
              b.append(canonical(String.valueOf(k))).append(':').append(canonical(x)).append(',');
            }
          });
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      l.forEach(x -> b.append(canonical(x)).append(','));
      return b.append(']').toString();
    }
    return String.valueOf(v);
  }

  /** The value at {@code pointer}, empty when there is none (null counts as none). */
  static Optional<Object> at(Object root, String pointer) {
    Object v = root;
    for (String token : JsonPointer.tokens(pointer)) {
      v = step(v, token);
      if (v == null) {
        return Optional.empty();
      }
    }
    return Optional.of(v);
  }

  /** One step down: a map's key or a list's index; null when there is none. */
  static Object step(Object v, String token) {
    if (v instanceof Map<?, ?> m) {
      return m.get(token);
    }
    if (v instanceof List<?> l) {
      int i = index(token);
      return i >= 0 && i < l.size() ? l.get(i) : null;
    }
    return null;
  }

  /** A list index token as a number, -1 when it is none. */
  static int index(String token) {
    if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(token);
  }

  /** A deep copy, maps keeping their order, so a copy can be changed. */
  static Object copy(Object v) {
    return JsonTrees.copy(v);
  }

  /** {@code source} merged into {@code target}: maps key by key, anything else replaced. */
  @SuppressWarnings("unchecked")
  static Object merged(Object target, Object source) {
    if (target instanceof Map<?, ?> t && source instanceof Map<?, ?> s) {
      Map<String, Object> out = (Map<String, Object>) copy(t);
      s.forEach((k, x) -> out.put(String.valueOf(k), merged(out.get(String.valueOf(k)), x)));
      return out;
    }
    return copy(source);
  }
}
