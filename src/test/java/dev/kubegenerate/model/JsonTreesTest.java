package dev.kubegenerate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The one walk the readers' comparisons and copies share; each brings its own leaf rule. */
class JsonTreesTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void equal_keyOrderCountsOnlyWhenAsked() {
    Object a = map("x", 1, "y", List.of(map("z", "v")));
    Object b = map("y", List.of(map("z", "v")), "x", 1);
    assertTrue(JsonTrees.equal(a, b, false, Objects::equals));
    assertFalse(JsonTrees.equal(a, b, true, Objects::equals));
  }

  @Test
  void equal_theLeafRuleReachesLeavesInsideMapsInsideLists() {
    Object a = List.of(map("cpu", 1L));
    Object b = List.of(map("cpu", 1.0));
    assertFalse(JsonTrees.equal(a, b, false, Objects::equals));
    assertTrue(
        JsonTrees.equal(
            a, b, false, (x, y) -> ((Number) x).doubleValue() == ((Number) y).doubleValue()));
  }

  @Test
  void equal_shapesThatDifferAreNotEqual() {
    assertFalse(JsonTrees.equal(List.of(1), List.of(1, 2), false, Objects::equals));
    assertFalse(JsonTrees.equal(map("a", 1), map("a", 1, "b", 2), false, Objects::equals));
    assertFalse(JsonTrees.equal(map("a", 1), List.of(1), false, Objects::equals));
  }

  @Test
  void copy_isDeepAndChangeable() {
    List<Object> inner = new ArrayList<>(List.of(1, 2));
    Map<String, Object> original = map("a", inner, "b", map("c", "d"));
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) JsonTrees.copy(original);
    assertEquals(original, copy);
    assertNotSame(inner, copy.get("a"));
    ((List<Object>) copy.get("a")).add(3);
    assertEquals(List.of(1, 2), inner);
    assertEquals(List.of("a", "b"), List.copyOf(copy.keySet()));
  }
}
