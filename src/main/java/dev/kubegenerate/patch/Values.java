package dev.kubegenerate.patch;

import dev.kubegenerate.model.JsonTrees;
import java.util.Objects;

/** Deep copies and comparisons of Java values read from YAML or JSON. */
final class Values {
  private Values() {}

  /** A deep copy: maps keep their order. */
  static Object copy(Object value) {
    return JsonTrees.copy(value);
  }

  /** Equality as JSON sees it: numbers by value, maps whatever their order. */
  static boolean same(Object a, Object b) {
    return JsonTrees.equal(
        a,
        b,
        false,
        (x, y) ->
            x instanceof Number m && y instanceof Number n
                ? new java.math.BigDecimal(m.toString())
                        .compareTo(new java.math.BigDecimal(n.toString()))
                    == 0
                : Objects.equals(x, y));
  }
}
